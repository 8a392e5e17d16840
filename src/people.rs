//! What a person is to the helpdesk (part of the shared kernel): CCs and followers (CCF-05),
//! the people of a shared ticket (ACC-16) and the protocol's actors (NHD-01) all read and write
//! the same roles.

crate::base::names::wire_enum! {
    /// What a person is to the helpdesk.
    #[derive(Default)]
    pub enum PersonRole {
        /// A customer or anyone outside the helpdesk's staff.
        #[default]
        EndUser => "end_user",
        /// An agent.
        Agent => "agent",
        /// A light agent: may follow tickets and add private notes, not CCs by email (CCF-05).
        LightAgent => "light_agent",
    }
}

impl PersonRole {
    /// Whether this is staff (an agent or a light agent).
    pub const fn is_staff(self) -> bool {
        !matches!(self, Self::EndUser)
    }
}
