//! Custom-field sync between accounts (ACC-20): pairing by title, the type matrix cell by
//! cell, every reason a field does not sync, values that do not fit, and a property over
//! random field lists.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::agreements::*;
use common::engine;
use proptest::prelude::*;
use ticketshare::agreement::fields::*;
use ticketshare::api::Api;
use ticketshare::*;

fn field(id: &str, title: &str, kind: FieldType) -> FieldDef {
    FieldDef {
        id: FieldId::new(id).unwrap(),
        title: title.into(),
        kind,
        system: false,
        options: Vec::new(),
        on_default_form: true,
    }
}

fn with_tags(mut field: FieldDef, tags: &[&str]) -> FieldDef {
    field.options = tags
        .iter()
        .map(|t| FieldOption {
            tag: (*t).into(),
            name: Some(t.to_uppercase()),
        })
        .collect();
    field
}

/// A verdict as plain values: field, counterpart, transfer, reason skipped.
type Verdict = (String, Option<String>, Option<Transfer>, Option<FieldSkip>);

fn verdicts(plan: &FieldPlan) -> Vec<Verdict> {
    plan.fields
        .iter()
        .map(|p| {
            (
                p.field_id.to_string(),
                p.counterpart.as_ref().map(ToString::to_string),
                p.transfer,
                p.skipped,
            )
        })
        .collect()
}

fn reason<T: std::fmt::Debug>(result: Result<T>) -> Reason {
    result.unwrap_err().reason()
}

#[test]
fn acc_20_fields_pair_by_title_trimmed_and_case_insensitively_with_unicode_folding() {
    let ours = [
        field("a1", "Camera model", FieldType::Text),
        field("a2", "Straße", FieldType::Text),
        field("a3", "ÄRGER", FieldType::Text),
        field("a4", "Lens", FieldType::Text),
    ];
    let theirs = [
        field("b1", "  CAMERA MODEL ", FieldType::Text),
        field("b2", "STRASSE", FieldType::Text),
        field("b3", "ärger", FieldType::Text),
        field("b4", "Lenses", FieldType::Text),
    ];
    let plan = plan_fields(&ours, &theirs, true).unwrap();
    let pairs: Vec<_> = verdicts(&plan).into_iter().map(|v| (v.0, v.1)).collect();
    assert_eq!(
        pairs,
        vec![
            ("a1".into(), Some("b1".into())),
            ("a2".into(), Some("b2".into())),
            ("a3".into(), Some("b3".into())),
            ("a4".into(), None),
        ]
    );
    assert_eq!(plan.fields[3].skipped, Some(FieldSkip::NoCounterpart));
}

/// The matrix as `docs/agreements.md` states it, written out here independently.
#[test]
fn acc_20_every_cell_of_the_type_matrix() {
    use FieldType as T;
    let compatible = [
        (T::Text, T::Text, Transfer::Copy),
        (T::Text, T::Textarea, Transfer::Text),
        (T::Textarea, T::Text, Transfer::Text),
        (T::Textarea, T::Textarea, Transfer::Copy),
        (T::Checkbox, T::Checkbox, Transfer::Copy),
        (T::Date, T::Date, Transfer::Copy),
        (T::Integer, T::Integer, Transfer::Copy),
        (T::Integer, T::Decimal, Transfer::Number),
        (T::Decimal, T::Integer, Transfer::Number),
        (T::Decimal, T::Decimal, Transfer::Copy),
        (T::Regexp, T::Regexp, Transfer::Copy),
        (T::CreditCard, T::CreditCard, Transfer::Copy),
        (T::Dropdown, T::Dropdown, Transfer::Tag),
        (T::Multiselect, T::Multiselect, Transfer::Tags),
    ];
    let mut cells = 0;
    for from in FieldType::ALL {
        for to in FieldType::ALL {
            let expected = compatible
                .iter()
                .find(|(a, b, _)| (*a, *b) == (from, to))
                .map(|(_, _, t)| *t);
            assert_eq!(compatibility(from, to), expected, "{from:?} -> {to:?}");
            // And through a plan, a field of each type against one of the other.
            let plan = plan_fields(
                &[field("f", "Model", from)],
                &[field("g", "model", to)],
                true,
            )
            .unwrap();
            let verdict = &plan.fields[0];
            match expected {
                Some(transfer) => assert_eq!(verdict.transfer, Some(transfer)),
                None => assert_eq!(verdict.skipped, Some(FieldSkip::TypesIncompatible)),
            }
            cells += 1;
        }
    }
    assert_eq!(cells, 121);
}

#[test]
fn acc_20_each_field_that_does_not_sync_says_why() {
    let mut system = field("a1", "Priority", FieldType::Dropdown);
    system.system = true;
    let mut off_form = field("b5", "Serial", FieldType::Text);
    off_form.on_default_form = false;
    let ours = [
        system,
        field("a2", "Region", FieldType::Text),
        with_tags(field("a3", "Colour", FieldType::Dropdown), &["red", "blue"]),
        with_tags(field("a4", "Size", FieldType::Dropdown), &["s", "m"]),
        field("a5", "Serial", FieldType::Text),
        field("a6", "Notes", FieldType::Text),
        field("a7", "notes", FieldType::Textarea),
        field("a8", "Customer", FieldType::Lookup),
    ];
    let theirs = [
        field("b1", "Priority", FieldType::Dropdown),
        field("b2", "Region", FieldType::Checkbox),
        with_tags(field("b3", "Colour", FieldType::Dropdown), &["red", "navy"]),
        with_tags(field("b4", "Size", FieldType::Dropdown), &["m", "s"]),
        off_form,
        field("b6", "Notes", FieldType::Text),
        field("b8", "Customer", FieldType::Lookup),
    ];
    let plan = plan_fields(&ours, &theirs, true).unwrap();
    let skipped: Vec<_> = plan
        .fields
        .iter()
        .map(|p| (p.field_id.to_string(), p.skipped, p.transfer))
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("a1".into(), Some(FieldSkip::SystemField), None),
            ("a2".into(), Some(FieldSkip::TypesIncompatible), None),
            ("a3".into(), Some(FieldSkip::OptionTagsDiffer), None),
            ("a4".into(), None, Some(Transfer::Tag)),
            ("a5".into(), Some(FieldSkip::NotOnDefaultForm), None),
            ("a6".into(), Some(FieldSkip::SameTitleTwice), None),
            ("a7".into(), Some(FieldSkip::SameTitleTwice), None),
            ("a8".into(), Some(FieldSkip::TypesIncompatible), None),
        ]
    );
    // Towards the sender the receiver's default form does not matter.
    let back = plan_fields(&theirs[4..5], &ours[4..5], false).unwrap();
    assert_eq!(back.fields[0].transfer, Some(Transfer::Copy));
    // A system field on the other side.
    let mut their_system = field("b1", "Priority", FieldType::Dropdown);
    their_system.system = true;
    let plan = plan_fields(
        &[field("a", "Priority", FieldType::Dropdown)],
        &[their_system],
        true,
    );
    assert_eq!(
        plan.unwrap().fields[0].skipped,
        Some(FieldSkip::SystemField)
    );
}

#[test]
fn acc_20_an_incompatible_field_never_blocks_the_rest_and_values_must_fit() {
    let engine = engine();
    let (ours, _) = accepted(&acme(), &bolt(), public_terms(), 1);
    let mine = [
        field("a1", "Model", FieldType::Text),
        field("a2", "Region", FieldType::Text),
        field("a3", "Notes", FieldType::Textarea),
        field("a4", "Count", FieldType::Decimal),
        field("a5", "Weight", FieldType::Decimal),
        with_tags(field("a6", "Colour", FieldType::Dropdown), &["red", "blue"]),
        field("a7", "Due", FieldType::Date),
        field("a8", "Fragile", FieldType::Checkbox),
    ];
    let theirs = [
        field("b1", "Model", FieldType::Text),
        field("b2", "Region", FieldType::Checkbox),
        field("b3", "Notes", FieldType::Text),
        field("b4", "Count", FieldType::Integer),
        field("b5", "Weight", FieldType::Integer),
        with_tags(field("b6", "Colour", FieldType::Dropdown), &["red", "blue"]),
        field("b7", "Due", FieldType::Date),
        field("b8", "Fragile", FieldType::Checkbox),
    ];
    let value = |id: &str, value: serde_json::Value| FieldValueOf {
        field_id: FieldId::new(id).unwrap(),
        value: serde_json::from_value(value).unwrap(),
    };
    let values = [
        value("a1", serde_json::json!("X100")),
        value("a2", serde_json::json!("EMEA")),
        value("a3", serde_json::json!("line one\nline two")),
        value("a4", serde_json::json!(3.0)),
        value("a5", serde_json::json!(2.5)),
        value("a6", serde_json::json!("green")),
        value("a7", serde_json::json!("2026-02-30")),
        value("a8", serde_json::json!(null)),
    ];
    let transfer = engine
        .transfer_field_values(&ours, &mine, &theirs, &values)
        .unwrap();
    let crossed: Vec<_> = transfer
        .values
        .iter()
        .map(|v| {
            (
                v.field_id.to_string(),
                serde_json::to_value(&v.value).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        crossed,
        vec![
            ("b1".into(), serde_json::json!("X100")),
            ("b4".into(), serde_json::json!(3)),
            ("b8".into(), serde_json::json!(null)),
        ]
    );
    let skipped: Vec<_> = transfer
        .skipped
        .iter()
        .map(|s| (s.field_id.to_string(), s.reason))
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("a2".into(), FieldSkip::TypesIncompatible),
            ("a3".into(), FieldSkip::ValueDoesNotFit),
            ("a5".into(), FieldSkip::ValueDoesNotFit),
            ("a6".into(), FieldSkip::ValueDoesNotFit),
            ("a7".into(), FieldSkip::ValueDoesNotFit),
        ]
    );
    // The other side stores values without an audit event: the result carries none.
    let json = serde_json::to_value(&transfer).unwrap();
    let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, vec!["skipped".to_owned(), "values".to_owned()]);
    // Only under the custom-field term.
    let (private, _) = accepted(&acme(), &bolt(), private_terms(), 2);
    assert_eq!(
        reason(engine.transfer_field_values(&private, &mine, &theirs, &values)),
        Reason::FieldsNotSynced
    );
    assert_eq!(
        reason(engine.plan_custom_fields(&private, &mine, &theirs)),
        Reason::FieldsNotSynced
    );
    // A value of an unknown field, or two of one field.
    let error = engine
        .transfer_field_values(&ours, &mine, &theirs, &[value("zz", serde_json::json!(1))])
        .unwrap_err();
    assert!(error.detail().starts_with("values[0].field_id"), "{error}");
    let twice = [values[0].clone(), values[0].clone()];
    assert_eq!(
        reason(engine.transfer_field_values(&ours, &mine, &theirs, &twice)),
        Reason::RecordMismatch
    );
}

#[test]
fn sec_03_field_definitions_that_cannot_be_are_refused_with_their_path() {
    let twice = [
        field("a", "One", FieldType::Text),
        field("a", "Two", FieldType::Text),
    ];
    let error = plan_fields(&twice, &[], true).unwrap_err();
    assert_eq!(error.detail(), "from[1]: a field listed twice");
    let options_on_text = [with_tags(field("a", "One", FieldType::Text), &["x"])];
    assert_eq!(
        reason(plan_fields(&[], &options_on_text, true)),
        Reason::RecordMismatch
    );
    let same_tag = [with_tags(
        field("a", "One", FieldType::Dropdown),
        &["x", "x"],
    )];
    assert_eq!(
        reason(plan_fields(&same_tag, &[], true)),
        Reason::RecordMismatch
    );
    let no_title = [field("a", "  ", FieldType::Text)];
    let error = plan_fields(&no_title, &[], true).unwrap_err();
    assert!(error.detail().starts_with("from[0].title"), "{error}");
    // A definition without a type, through the JSON surface.
    let (ours, _) = accepted(&acme(), &bolt(), public_terms(), 1);
    let api = Api::from_config_json(serde_json::to_vec(&common::config()).unwrap()).unwrap();
    let request = serde_json::json!({"v": 1, "op": "shared_ticket.plan_fields", "args": {
        "agreement": ours, "ours": [{"id": "a", "title": "Model"}], "theirs": []
    }});
    let answer: serde_json::Value = serde_json::from_str(&api.call(&request.to_string())).unwrap();
    assert_eq!(answer["error"]["code"], "invalid_request");
    let message = answer["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("args.ours[0]") && message.contains("type"),
        "{message}"
    );
}

fn any_field(index: usize) -> impl Strategy<Value = FieldDef> {
    (
        proptest::sample::select(vec![
            "Model", "model ", "Colour", "Size", "Straße", "STRASSE", "Due",
        ]),
        proptest::sample::select(FieldType::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(proptest::sample::select(vec!["a", "b", "c"]), 0..3),
    )
        .prop_map(move |(title, kind, system, on_form, tags)| {
            let mut tags = tags;
            tags.sort();
            tags.dedup();
            let mut f = field(&format!("f{index}"), title, kind);
            f.system = system;
            f.on_default_form = on_form;
            if matches!(kind, FieldType::Dropdown | FieldType::Multiselect) {
                f = with_tags(f, &tags);
            }
            f
        })
}

fn fields(n: usize) -> impl Strategy<Value = Vec<FieldDef>> {
    (0..n).map(any_field).collect::<Vec<_>>()
}

proptest! {
    /// ACC-20: whatever the two accounts define, every field gets exactly one verdict; a synced
    /// field pairs with the one field of its title on the other side, of a compatible type,
    /// never a system field, on the receiver's default form.
    #[test]
    fn acc_20_every_field_gets_one_verdict_and_a_sync_is_always_sound(
        ours in fields(8),
        theirs in fields(8),
        to_receiver in any::<bool>(),
    ) {
        let plan = plan_fields(&ours, &theirs, to_receiver).unwrap();
        prop_assert_eq!(plan.fields.len(), ours.len());
        let fold = |s: &str| s.trim().to_lowercase().replace('ß', "ss");
        for (field, verdict) in ours.iter().zip(&plan.fields) {
            prop_assert_eq!(&verdict.field_id, &field.id);
            prop_assert!(verdict.transfer.is_some() != verdict.skipped.is_some());
            if let Some(transfer) = verdict.transfer {
                let other = theirs.iter().find(|t| Some(&t.id) == verdict.counterpart.as_ref()).unwrap();
                prop_assert_eq!(fold(&other.title), fold(&field.title));
                prop_assert_eq!(theirs.iter().filter(|t| fold(&t.title) == fold(&field.title)).count(), 1);
                prop_assert_eq!(compatibility(field.kind, other.kind), Some(transfer));
                prop_assert!(!field.system && !other.system);
                prop_assert!(!to_receiver || other.on_default_form);
            }
        }
    }
}
