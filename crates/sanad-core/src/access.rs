//! Who may use which part of the product: the role sets the service checks on every call, and
//! what follows from them for a front end — the screens a role has and what it may start from
//! them. The window and the command line ask for these (through the service's session) instead
//! of restating them, so a role's rights are written once, here.

use serde::Serialize;

use crate::model::Role;

/// Every staff role: everyone who signs in at a desk (all but the portal's agency officers).
pub const STAFF: &[Role] = &[
    Role::Clerk,
    Role::Reviewer,
    Role::Director,
    Role::Ministry,
    Role::Auditor,
    Role::Admin,
];

/// Staff who read requests: everyone but the administrator (clients' data is for the staff who
/// serve them).
pub const READS_REQUESTS: &[Role] = &[
    Role::Clerk,
    Role::Reviewer,
    Role::Director,
    Role::Ministry,
    Role::Auditor,
];

/// Who registers requests, prints their slips and dispatches them: the registry desk.
pub const REGISTERS_REQUESTS: &[Role] = &[Role::Clerk];

/// Who issues and prints slips.
pub const PRINTS_SLIPS: &[Role] = &[Role::Clerk];

/// Who adds organizations and documents: the administrator, and clerks for what they meet at the
/// desk.
pub const EDITS_CATALOG: &[Role] = &[Role::Admin, Role::Clerk];

/// Who takes steps on requests (each step is then checked against the workflow and the
/// delegations in force): several at once from the queue.
pub const TAKES_STEPS: &[Role] = &[Role::Clerk, Role::Reviewer, Role::Director, Role::Ministry];

/// Who reads the audit log.
pub const READS_AUDIT_LOG: &[Role] = &[Role::Auditor];

/// Who reads the reports and the list of everything overdue.
pub const READS_REPORTS: &[Role] = &[Role::Director, Role::Auditor];

/// Who keeps the system: users, policy, notices, calendar, mail, backups, the database.
pub const ADMINISTERS: &[Role] = &[Role::Admin];

/// Brings in an office's existing register from a spreadsheet (`sanad doc import`): it writes
/// thousands of documents at once, so only the administrator.
pub const IMPORTS_REGISTER: &[Role] = &[Role::Admin];

/// Who works on the portal for an agency: registers its requests and complaints, follows its own.
/// Staff roles never sign in there, and this one never at a desk (`Service::login`).
pub const USES_PORTAL: &[Role] = &[Role::Agency];

/// Who may read a request's certified electronic copy: the desk that sent it and the auditor.
pub const READS_CERTIFIED_COPIES: &[Role] = &[Role::Clerk, Role::Auditor];

crate::model::spelled_enum!(
    #[derive(ts_rs::TS)]
    /// A screen of the desk, in the order the header lists them.
    Screen, "screen", "error-screen-unknown" {
        Queue => "queue",
        New => "new",
        Search => "search",
        Admin => "admin",
        Complaints => "complaints",
        Reports => "reports",
        Audit => "audit",
    }
);

/// A screen of a role and the digit that opens it with Alt (by key position, so it works on a
/// Persian keyboard layout too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ScreenEntry {
    pub screen: Screen,
    pub alt_digit: u8,
}

impl Screen {
    /// Alt+1 … Alt+7, as the help and the README list them.
    pub fn alt_digit(self) -> u8 {
        match self {
            Screen::Queue => 1,
            Screen::New => 2,
            Screen::Search => 3,
            Screen::Admin => 4,
            Screen::Audit => 5,
            Screen::Complaints => 6,
            Screen::Reports => 7,
        }
    }

    /// Whether `role` has this screen at all.
    pub fn is_for(self, role: Role) -> bool {
        let roles: &[Role] = match self {
            Screen::Queue | Screen::Search | Screen::Complaints => READS_REQUESTS,
            Screen::New => REGISTERS_REQUESTS,
            Screen::Admin => EDITS_CATALOG,
            Screen::Audit => READS_AUDIT_LOG,
            Screen::Reports => READS_REPORTS,
        };
        roles.contains(&role)
    }

    /// The screens of `role`, in header order. The first is where the desk opens.
    pub fn for_role(role: Role) -> Vec<Screen> {
        Screen::ALL
            .iter()
            .copied()
            .filter(|s| s.is_for(role))
            .collect()
    }
}

/// What a signed-in role may start from its screens, beyond which screens it has. Each flag is
/// derived from the same role sets the service enforces, so a button is shown exactly when the
/// call behind it would be allowed by role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Permissions {
    /// In header order; the first is where the desk opens.
    pub screens: Vec<ScreenEntry>,
    /// Opens requests (the scanner, the tracking-code box's button).
    pub reads_requests: bool,
    pub registers_requests: bool,
    pub registers_complaints: bool,
    pub prints_slips: bool,
    /// The administration screen's system tabs (users, policy, notices, calendar, mail,
    /// backups, database) beside the catalog.
    pub administers: bool,
    /// The queue also lists everything past its deadline.
    pub sees_overdue: bool,
    /// The queue offers one decision on several requests at once (a delegate of another role
    /// gets it on the rows marked as theirs too).
    pub decides_in_bulk: bool,
    /// The register screen brings in a spreadsheet of documents.
    pub imports_register: bool,
    /// The request page shows its certified copy and saves its PDF.
    pub reads_certified_copies: bool,
}

impl Permissions {
    pub fn of(role: Role) -> Permissions {
        Permissions {
            screens: Screen::for_role(role)
                .into_iter()
                .map(|screen| ScreenEntry {
                    screen,
                    alt_digit: screen.alt_digit(),
                })
                .collect(),
            reads_requests: READS_REQUESTS.contains(&role),
            registers_requests: REGISTERS_REQUESTS.contains(&role),
            registers_complaints: crate::complaint_workflow::REGISTERS.contains(&role),
            prints_slips: PRINTS_SLIPS.contains(&role),
            administers: ADMINISTERS.contains(&role),
            // The director's queue carries the overdue list; the auditor has it in reports.
            sees_overdue: role == Role::Director,
            decides_in_bulk: crate::delegation::DELEGABLE_ROLES.contains(&role),
            imports_register: IMPORTS_REGISTER.contains(&role),
            reads_certified_copies: READS_CERTIFIED_COPIES.contains(&role),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_a_screen_and_the_administrator_reads_no_request() {
        for role in STAFF {
            assert!(!Screen::for_role(*role).is_empty(), "{role}");
        }
        // An agency officer has no desk screen at all: they never sign in at a desk.
        assert!(Screen::for_role(Role::Agency).is_empty());
        let admin = Permissions::of(Role::Admin);
        assert_eq!(admin.screens.len(), 1);
        assert_eq!(admin.screens[0].screen, Screen::Admin);
        assert_eq!(admin.screens[0].alt_digit, 4);
        assert!(!admin.reads_requests && admin.administers);
    }

    #[test]
    fn the_clerk_registers_and_prints_and_the_auditor_changes_nothing() {
        let clerk = Permissions::of(Role::Clerk);
        assert!(clerk.registers_requests && clerk.prints_slips && clerk.registers_complaints);
        assert_eq!(
            Screen::for_role(Role::Clerk),
            vec![
                Screen::Queue,
                Screen::New,
                Screen::Search,
                Screen::Admin,
                Screen::Complaints
            ]
        );
        let auditor = Permissions::of(Role::Auditor);
        assert!(!auditor.registers_requests && !auditor.prints_slips && !auditor.administers);
        let screens = Screen::for_role(Role::Auditor);
        assert!(screens.contains(&Screen::Audit) && screens.contains(&Screen::Reports));
    }
}
