//! The domain's vocabulary. Each enum has a stable snake_case spelling used in the database,
//! the command line, JSON and Fluent message ids (`role-clerk`, `status-approved`, …).

macro_rules! spelled_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal, $msg:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the stable spelling; anything else is a field error on `field`.
            pub fn parse(field: &str, text: &str) -> $crate::Result<Self> {
                match text.trim() {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::Error::invalid(field, $msg)),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> $crate::Result<Self> { Self::parse($field, s) }
        }
    };
}
pub(crate) use spelled_enum;

spelled_enum!(
    #[derive(ts_rs::TS)]
    /// What a user may do; one role per user.
    Role, "role", "error-role-unknown" {
        Clerk => "clerk",
        Reviewer => "reviewer",
        Director => "director",
        Ministry => "ministry",
        Auditor => "auditor",
        Admin => "admin",
        // An agency's officer on the portal (کاربر دستگاه), bound to one organization; never
        // signs in at a desk.
        Agency => "agency",
    }
);

spelled_enum!(
    #[derive(ts_rs::TS)]
    /// Where a dispatch request stands in its life.
    Status, "status", "error-status-unknown" {
        Submitted => "submitted",
        UnderReview => "under_review",
        Correction => "correction",
        AwaitingDirector => "awaiting_director",
        AwaitingMinistry => "awaiting_ministry",
        Approved => "approved",
        Rejected => "rejected",
        Dispatched => "dispatched",
        Delivered => "delivered",
        ReturnedToRepository => "returned_to_repository",
        Closed => "closed",
        Cancelled => "cancelled",
    }
);

spelled_enum!(
    #[derive(ts_rs::TS)]
    /// A step a user takes on a request.
    Action, "action", "error-action-unknown" {
        StartReview => "start_review",
        SendBack => "send_back",
        Resubmit => "resubmit",
        Forward => "forward",
        Approve => "approve",
        Reject => "reject",
        Dispatch => "dispatch",
        ConfirmDelivery => "confirm_delivery",
        ReceiveBack => "receive_back",
        Close => "close",
        Cancel => "cancel",
    }
);

spelled_enum!(
    #[derive(ts_rs::TS)]
    /// How the document leaves the repository.
    DispatchMode, "dispatch_mode", "error-dispatch-mode-unknown" {
        ElectronicCopy => "electronic_copy",
        CertifiedPaperCopy => "certified_paper_copy",
        Original => "original",
    }
);

spelled_enum!(
    #[derive(ts_rs::TS)]
    Priority, "priority", "error-priority-unknown" {
        Normal => "normal",
        Urgent => "urgent",
    }
);

spelled_enum!(
    #[derive(ts_rs::TS)]
    /// What kind of body an organization is.
    OrgKind, "kind", "error-org-kind-unknown" {
        Agency => "agency",
        Ministry => "ministry",
        ThirdParty => "third_party",
    }
);

impl Status {
    /// A request in a terminal state takes no more actions.
    pub fn is_terminal(self) -> bool {
        matches!(self, Status::Rejected | Status::Closed | Status::Cancelled)
    }
}

impl Action {
    /// Actions that need a reason in the note.
    pub fn requires_note(self) -> bool {
        matches!(self, Action::SendBack | Action::Reject | Action::Cancel)
    }
}

spelled_enum!(
    #[derive(ts_rs::TS)]
    /// What a person brings to the desk besides a request (شکایت، پیشنهاد، نظر).
    ComplaintKind, "kind", "error-complaint-kind-unknown" {
        Complaint => "complaint",
        Suggestion => "suggestion",
        Comment => "comment",
    }
);

spelled_enum!(
    #[derive(ts_rs::TS)]
    /// Where a complaint, suggestion or comment stands.
    ComplaintStatus, "status", "error-status-unknown" {
        Registered => "registered",
        Assigned => "assigned",
        Answered => "answered",
        Closed => "closed",
    }
);

spelled_enum!(
    #[derive(ts_rs::TS)]
    /// A step taken on a complaint after it is registered.
    ComplaintAction, "action", "error-action-unknown" {
        Assign => "assign",
        Answer => "answer",
        Close => "close",
    }
);
