//! Status sync (ACC-13, ACC-15): the mapping table for every status of every category, and solving
//! on the receiving side.

use super::*;

fn statuses(custom: bool) -> StatusSettings {
    let s = |id: &str, category, default| CustomStatus {
        id: StatusId::new(id).unwrap(),
        category,
        default,
    };
    StatusSettings {
        custom_statuses: custom,
        statuses: if custom {
            vec![
                s("open-default", StatusCategory::Open, true),
                s("open-waiting-parts", StatusCategory::Open, false),
                s("pending-default", StatusCategory::Pending, true),
                s("hold-default", StatusCategory::OnHold, true),
                s("hold-vendor", StatusCategory::OnHold, false),
                s("solved-default", StatusCategory::Solved, true),
            ]
        } else {
            Vec::new()
        },
    }
}

/// Every status of every category an account of `custom` has.
fn every_status(custom: bool) -> Vec<TicketStatus> {
    let settings = statuses(custom);
    StatusCategory::ALL
        .iter()
        .flat_map(|category| {
            let ids: Vec<_> = settings
                .statuses
                .iter()
                .filter(|s| s.category == *category)
                .map(|s| Some(s.id.clone()))
                .collect();
            let ids = if ids.is_empty() { vec![None] } else { ids };
            ids.into_iter().map(|custom_id| TicketStatus {
                category: *category,
                custom_id,
            })
        })
        .collect()
}

#[test]
fn acc_13_statuses_map_by_the_table_for_every_status_of_every_category_both_ways() {
    let engine = engine();
    let (ours, theirs, _, _) = shared(public_terms());
    for (source_custom, target_custom) in
        [(false, false), (true, false), (false, true), (true, true)]
    {
        let (source, target) = (statuses(source_custom), statuses(target_custom));
        for agreement in [&ours, &theirs] {
            for status in every_status(source_custom) {
                let mapped = engine
                    .map_status(agreement, &source, &target, &status)
                    .unwrap();
                // On-hold arrives as Open; everything else in its own category.
                let category = if status.category == StatusCategory::OnHold {
                    StatusCategory::Open
                } else {
                    status.category
                };
                // The target's default status of that category when it has custom statuses
                // (even when the source's custom status exists in the target), else the
                // category itself.
                let default = target
                    .statuses
                    .iter()
                    .find(|s| s.category == category && s.default)
                    .map(|s| s.id.clone());
                let expected = TicketStatus {
                    category,
                    custom_id: if target_custom { default } else { None },
                };
                assert_eq!(
                    mapped.status, expected,
                    "{status:?} {source_custom} {target_custom}"
                );
                let case = match (source_custom, target_custom) {
                    (false, false) => MappingCase::Neither,
                    (true, false) => MappingCase::SourceOnly,
                    (false, true) => MappingCase::TargetOnly,
                    (true, true) => MappingCase::Both,
                };
                assert_eq!(mapped.case, case);
            }
        }
    }
    // Matching custom statuses still map to the default.
    let both = statuses(true);
    let waiting = TicketStatus {
        category: StatusCategory::Open,
        custom_id: Some(StatusId::new("open-waiting-parts").unwrap()),
    };
    let mapped = engine.map_status(&ours, &both, &both, &waiting).unwrap();
    assert_eq!(mapped.status.custom_id.unwrap().as_str(), "open-default");
    // A status the source does not have.
    let unknown = TicketStatus {
        category: StatusCategory::Pending,
        custom_id: Some(StatusId::new("open-waiting-parts").unwrap()),
    };
    assert_eq!(
        reason(engine.map_status(&ours, &both, &both, &unknown)),
        Reason::UnknownStatus
    );
    let plain = TicketStatus {
        category: StatusCategory::Open,
        custom_id: None,
    };
    assert_eq!(
        reason(engine.map_status(&ours, &both, &both, &plain)),
        Reason::UnknownStatus
    );
    // Host data that cannot be: two defaults in a category.
    let mut two_defaults = statuses(true);
    two_defaults.statuses[1].default = true;
    assert_eq!(
        reason(engine.map_status(&ours, &two_defaults, &both, &waiting)),
        Reason::RecordMismatch
    );
}

#[test]
fn acc_15_the_receiver_solves_only_under_sync_status() {
    let engine = engine();
    let solved = TicketStatus {
        category: StatusCategory::Solved,
        custom_id: None,
    };
    let (_, theirs, _, _) = shared(public_terms());
    let mapped = engine
        .map_status(&theirs, &statuses(false), &statuses(false), &solved)
        .unwrap();
    assert_eq!(mapped.status.category, StatusCategory::Solved);
    let (_, theirs, _, _) = shared(private_terms());
    assert_eq!(
        reason(engine.map_status(&theirs, &statuses(false), &statuses(false), &solved)),
        Reason::StatusNotSynced
    );
}
