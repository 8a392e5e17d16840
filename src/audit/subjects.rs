//! What audit events are about, for the domains that build on each other: the steps and
//! statuses of a sharing agreement, the direction of a shared ticket, and the method and
//! resource of a partner's request. Each is defined here, below the domains, so that
//! [`super::AuditKind`] can name it; each domain re-exports its own (`agreement::AgreementStatus`,
//! `nhd::wire::NhdMethod`, ...) and keeps the rules about it.

crate::base::names::wire_enum! {
    /// Where an agreement stands (the protocol's statuses).
    #[derive(PartialOrd, Ord)]
    pub enum AgreementStatus {
        /// Invited; the receiver has not answered.
        Pending => "pending",
        /// Accepted: the sender may share tickets.
        Accepted => "accepted",
        /// Declined: a new invite may be sent later (ACC-08).
        Declined => "declined",
        /// Deactivated or broken: final (ACC-06, ACC-07).
        Inactive => "inactive",
    }
}

crate::base::names::wire_enum! {
    /// A step in the life of an agreement.
    pub enum AgreementEvent {
        /// The sender invites a partner (ACC-01).
        Invite => "invite",
        /// The receiver's engine reads an invitation: pending for its admins.
        Receive => "receive",
        /// The receiver opted out: the invitation is declined at once, unseen (ACC-05).
        AutoDecline => "auto_decline",
        /// The receiver's admin accepts.
        Accept => "accept",
        /// The receiver's admin declines.
        Decline => "decline",
        /// The receiver's admin decides later: it stays pending.
        Defer => "defer",
        /// The sender invites again after a decline (ACC-08).
        Reinvite => "reinvite",
        /// Either side deactivates (ACC-06).
        Deactivate => "deactivate",
        /// Either side's account was renamed (ACC-07).
        Rename => "rename",
    }
}

crate::base::names::wire_enum! {
    /// Whether this account sent a shared ticket or received it.
    pub enum Direction {
        /// Shared by this account with a partner.
        Sent => "sent",
        /// Received from a partner.
        Received => "received",
    }
}

crate::base::names::wire_enum! {
    /// An HTTP method of the protocol.
    pub enum NhdMethod {
        /// Reads a ticket.
        Get => "GET",
        /// Creates an agreement or shares a ticket.
        Post => "POST",
        /// Updates an agreement or a ticket.
        Put => "PUT",
        /// Unshares a ticket (the gem's verb, NHD-08).
        Delete => "DELETE",
    }
}

crate::base::names::wire_enum! {
    /// What a partner's request is about.
    pub enum NhdResource {
        /// `/agreements/<uuid>`.
        Agreement => "agreement",
        /// `/tickets/<uuid>`.
        Ticket => "ticket",
    }
}
