//! The command line's grammar. The contract is documented in README.md; other tests drive it, so
//! names and flags change only with care.

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "sanad", version, about = "Sanad Desk (میز سند) command line")]
pub struct Cli {
    /// Database: sqlite://PATH or postgres://… (default: the embedded file in the user data folder)
    #[arg(long, global = true, env = "SANAD_DB")]
    pub db: Option<String>,
    /// Act as this user; the password comes from SANAD_PASSWORD or a prompt
    #[arg(long = "as", global = true, value_name = "USER")]
    pub as_user: Option<String>,
    /// Language of messages: fa (default) or en
    #[arg(long, global = true, default_value = "fa")]
    pub lang: String,
    /// Print results as JSON on stdout
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or migrate the database and its first administrator (password from SANAD_PASSWORD)
    Init {
        #[arg(long, value_name = "USER")]
        admin: String,
        /// The administrator's full name (default: the user name)
        #[arg(long)]
        name: Option<String>,
    },
    /// Users (administrator)
    #[command(subcommand)]
    User(UserCommand),
    /// Agency officers who use the portal (administrator)
    #[command(subcommand, name = "portal-user")]
    PortalUser(PortalUserCommand),
    /// API tokens of agencies' systems for the portal's /api/v1 (administrator)
    #[command(subcommand, name = "portal-token")]
    PortalToken(PortalTokenCommand),
    /// The portal's own database setup (PostgreSQL)
    #[command(subcommand)]
    Portal(PortalCommand),
    /// Organizations: agencies, ministries, third parties
    #[command(subcommand)]
    Org(OrgCommand),
    /// The repository's register of documents
    #[command(subcommand)]
    Doc(DocCommand),
    /// Files the office keeps: scans and requests' letters
    #[command(subcommand)]
    File(FileCommand),
    /// Dispatch requests
    #[command(subcommand)]
    Request(RequestCommand),
    /// The directorate's signing key for slips and certified copies
    #[command(subcommand)]
    Key(KeyCommand),
    /// Check a slip's token (--token) or a certified copy (FILE.pdf): offline against a key set
    /// (--keys FILE, no database), else against this database's keys. Exit 0 authentic, 1 not,
    /// 2 not a token or a copy at all
    Verify(VerifyArgs),
    /// A request's certified electronic copy, saved as PDF (clerk, auditor)
    Ecopy {
        code: String,
        #[arg(long)]
        out: String,
    },
    /// What waits on your role, soonest deadline first
    Queue(PageArgs),
    /// Find requests
    Search(SearchArgs),
    /// The audit log
    #[command(subcommand)]
    Audit(AuditCommand),
    /// The database itself
    #[command(subcommand)]
    Db(DbCommand),
    /// Write an encrypted backup of everything (administrator); passphrase from
    /// SANAD_BACKUP_PASSPHRASE, or --keychain for this computer's backup key
    Backup {
        #[arg(long)]
        out: String,
        #[arg(long)]
        keychain: bool,
    },
    /// Restore a backup into a new, empty database (--db)
    Restore {
        file: String,
        #[arg(long)]
        keychain: bool,
    },
    /// Service-level targets (administrator)
    #[command(subcommand)]
    Target(TargetCommand),
    /// A request's dispatch slip: save it as PDF (--out) or print it (--print)
    Slip(crate::commands::SlipArgs),
    /// The system's printers; --set-default keeps one as your slip printer (clerks)
    Printers(crate::commands::PrintersArgs),
    /// Complaints, suggestions and comments
    #[command(subcommand)]
    Complaint(ComplaintCommand),
    /// Where a request or complaint stands, for a caller on the phone (no personal data)
    Track {
        code: String,
        /// The follow-up PIN from the registration receipt: the public lookup (as the portal's),
        /// without signing in; always JSON
        #[arg(long)]
        pin: Option<String>,
    },
    /// Official holidays (the administrator edits them)
    #[command(subcommand)]
    Holiday(HolidayCommand),
    /// Office settings (administrator)
    #[command(subcommand)]
    Setting(SettingCommand),
    /// Requests past their deadline (director, auditor)
    Overdue(PageArgs),
    /// Results e-mailed to applicants: the mail server (administrator), delivery, what was sent
    #[command(subcommand)]
    Mail(MailCommand),
    /// Notices: maintenance windows and disruptions (the administrator posts them)
    #[command(subcommand)]
    Notice(NoticeCommand),
    /// Acting approvers recorded from an appointing order (administrator)
    #[command(subcommand)]
    Delegation(DelegationCommand),
    /// A report (director, auditor), printed or written as .xlsx / CSV
    Report {
        #[arg(value_parser = ["status-counts", "stage-times", "on-time", "complaints"])]
        kind: String,
        /// Jalali, inclusive
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_name = "FILE.xlsx")]
        xlsx: Option<String>,
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum DelegationCommand {
    /// Record a delegation; prints it as JSON (with its `id`)
    Add {
        /// The user name of the person away
        #[arg(long)]
        from: String,
        /// The user name of the person acting in their place
        #[arg(long)]
        to: String,
        /// director, ministry or reviewer
        #[arg(long)]
        role: String,
        /// Jalali, Tehran: "1405/01/10" (from that day's start) or "1405/01/10 12:00"
        #[arg(long = "from-date")]
        from_date: String,
        /// The first day (or moment) it no longer holds: the period is half-open
        #[arg(long)]
        until: String,
        /// The appointing order's number
        #[arg(long)]
        order: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// The delegations, newest first; --active: those in force now
    List {
        #[arg(long)]
        active: bool,
    },
    /// End a delegation now
    End { id: String },
}

#[derive(Debug, Subcommand)]
pub enum NoticeCommand {
    /// Schedule a maintenance window or post a disruption (administrator)
    Add {
        /// maintenance or disruption
        #[arg(long, value_parser = ["maintenance", "disruption"])]
        kind: String,
        /// Jalali date and Tehran time: "1404/10/10 14:00"
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        text: String,
        /// Refuse every change but the administrator's inside the window
        #[arg(long = "read-only")]
        read_only: bool,
    },
    /// The notice board, newest first; --active shows what desks show now
    List {
        #[arg(long)]
        active: bool,
    },
    /// Cancel a notice by its id (administrator)
    Cancel { id: String },
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Set the outgoing mail server (administrator)
    Set {
        #[arg(long)]
        host: String,
        #[arg(long)]
        port: u16,
        /// none, starttls (default) or tls
        #[arg(long, default_value = "starttls", value_parser = ["none", "starttls", "tls"])]
        tls: String,
        /// Sign in as this account; its password goes to the keychain with `mail password`
        #[arg(long)]
        user: Option<String>,
        /// The sender address applicants see
        #[arg(long)]
        from: String,
    },
    /// Show the mail server settings (administrator)
    Show,
    /// Keep the SMTP account's password (SANAD_SMTP_PASSWORD) in the OS keychain (administrator)
    Password,
    /// Send what is due now (any signed-in user; desks also do this in the background)
    Deliver,
    /// The messages queued for a request's applicant and whether they went
    Status { code: String },
}

#[derive(Debug, Subcommand)]
pub enum ComplaintCommand {
    /// Register one (clerks); prints it as JSON
    New {
        /// complaint, suggestion or comment
        #[arg(long)]
        kind: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        mobile: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        text: String,
        /// The tracking code of the request it is about
        #[arg(long)]
        request: Option<String>,
    },
    /// Show one by its tracking code
    Show { code: String },
    /// Assign it to a member of staff (clerks, director)
    Assign {
        code: String,
        /// The user name of the one who answers
        #[arg(long = "to")]
        to: String,
        #[arg(long = "expect-version")]
        expect_version: Option<i64>,
    },
    /// Record the answer (the assignee, or the director)
    Answer {
        code: String,
        #[arg(long)]
        text: String,
        #[arg(long = "expect-version")]
        expect_version: Option<i64>,
    },
    /// Close an answered one (clerks, director)
    Close {
        code: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long = "expect-version")]
        expect_version: Option<i64>,
    },
    /// Open ones (or those in --status), soonest deadline first
    List {
        #[arg(long)]
        status: Option<String>,
        /// Only those assigned to you
        #[arg(long)]
        mine: bool,
        #[arg(long)]
        limit: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HolidayCommand {
    /// The official holidays, of one Jalali year or all
    List {
        #[arg(long)]
        year: Option<i32>,
    },
    /// Declare a day (Jalali) an official holiday
    Add {
        date: String,
        #[arg(long)]
        title: String,
    },
    /// Make a day a working day again
    Remove { date: String },
    /// Compute a coming year's holidays again (1406 on): the estimates are replaced, the days
    /// you set or removed stay as you left them
    Recompute { year: i32 },
}

#[derive(Debug, Subcommand)]
pub enum SettingCommand {
    /// Whether Thursday is a day off (on, the default) or a working day (off)
    #[command(name = "thursday-off")]
    ThursdayOff {
        #[arg(value_parser = ["on", "off"])]
        value: String,
    },
    /// The largest scan or letter file kept, in megabytes (default 25)
    #[command(name = "scan-limit")]
    ScanLimit { megabytes: String },
    /// The portal's address printed on registration receipts (https://…; "" clears it)
    #[command(name = "portal-address")]
    PortalAddress { address: String },
    /// Send the certified copy itself with the notice to its destination (off, the default:
    /// the notice only says it waits on the portal)
    #[command(name = "ecopy-attach-to-mail")]
    EcopyAttachToMail {
        #[arg(value_parser = ["on", "off"])]
        value: String,
    },
    /// The office's daily hours, counted for deadlines: Saturday to Wednesday and working
    /// Thursdays (defaults 07:30-14:30 and 07:30-12:30)
    #[command(name = "office-hours")]
    OfficeHours {
        /// Saturday to Wednesday, OPENS-CLOSES
        #[arg(long, default_value = "07:30-14:30")]
        weekdays: String,
        /// A working Thursday, OPENS-CLOSES
        #[arg(long, default_value = "07:30-12:30")]
        thursday: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; the password comes from SANAD_NEW_PASSWORD
    Add {
        username: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        name: String,
    },
    /// List users
    List,
    /// Issue a one-time password (administrator); printed once, changed at the next sign-in
    #[command(name = "reset-password")]
    ResetPassword { username: String },
    /// Change your own password (--as USER; current in SANAD_PASSWORD, new in SANAD_NEW_PASSWORD)
    Passwd,
    /// Deactivate a user (administrator); users are never deleted
    Deactivate { username: String },
    /// Reactivate a deactivated user (administrator)
    Activate { username: String },
}

#[derive(Debug, Subcommand)]
pub enum PortalUserCommand {
    /// Add an agency officer bound to one agency; the password comes from SANAD_NEW_PASSWORD
    Add {
        username: String,
        #[arg(long = "org")]
        org: String,
        #[arg(long)]
        name: String,
    },
    /// List agency officers with their agencies
    List,
    /// Issue a one-time password, printed once and changed at the next sign-in on the portal
    #[command(name = "reset-password")]
    ResetPassword { username: String },
    /// Deactivate an agency officer (their portal sessions end)
    Deactivate { username: String },
    /// Reactivate a deactivated agency officer
    Activate { username: String },
}

#[derive(Debug, Subcommand)]
pub enum PortalTokenCommand {
    /// Issue an agency a token; prints {"id", "token"} once (the token is never shown again)
    Add {
        #[arg(long = "org")]
        org: String,
        #[arg(long)]
        name: String,
    },
    /// List tokens (never their secrets)
    List,
    /// Revoke a token: its next call is refused
    Revoke { id: String },
    /// The rate limit of every token: at most --calls calls in --seconds seconds
    Limit {
        #[arg(long)]
        calls: u32,
        #[arg(long, default_value_t = 60)]
        seconds: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum PortalCommand {
    /// Create the PostgreSQL login role the portal connects as, with only the privileges its
    /// statements need (run as the database owner; the password from SANAD_NEW_PASSWORD)
    #[command(name = "create-role")]
    CreateRole { role: String },
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Add an organization; prints it as JSON
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        kind: String,
        #[arg(long = "national-id")]
        national_id: Option<String>,
    },
    /// List organizations whose name contains QUERY
    List {
        #[arg(default_value = "")]
        query: String,
    },
    /// Report organizations registered twice under names that read alike (administrator)
    Duplicates,
    /// Set the e-mail address told when a certified copy waits for the organization on the
    /// portal ("" clears it)
    #[command(name = "set-email")]
    SetEmail { id: String, email: String },
}

#[derive(Debug, Subcommand)]
pub enum DocCommand {
    /// Add a document to the register; prints it as JSON
    Add {
        #[arg(long = "registry-number")]
        registry_number: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        plate: Option<String>,
        #[arg(long)]
        location: Option<String>,
        /// The agency (organization id) the document is held for: only it may ask for the
        /// document on the portal
        #[arg(long = "org")]
        org: Option<String>,
    },
    /// List documents whose number or title contains QUERY
    List {
        #[arg(default_value = "")]
        query: String,
    },
    /// Attach a scan (PDF, JPEG, PNG or TIFF) to a document as its next version (clerk,
    /// administrator); the file is recognised by its content and refused, storing nothing, when
    /// it is not a clean scan
    Attach {
        /// The document's id (from `doc add` or `doc list --json`)
        document_id: String,
        #[arg(long)]
        file: String,
        #[arg(long)]
        title: Option<String>,
    },
    /// A document's scans, the current version first
    Files { document_id: String },
    /// Bring in the register from an XLSX or CSV file with the template's Persian headers
    /// (administrator): shows what it adds, changes and refuses; writes only with --apply, and
    /// then every row or none. Rows are matched by registry number, so running it again is safe
    Import {
        file: String,
        /// Write the rows (all or nothing)
        #[arg(long)]
        apply: bool,
    },
    /// Attach every scan of a folder to the document its file name gives (`1400-12.pdf` for
    /// registry number 1400-12), as `doc attach` does; a file already current is left alone
    AttachFolder { dir: String },
}

#[derive(Debug, Subcommand)]
pub enum FileCommand {
    /// Write a kept file (a scan or a request's letter) to a path
    Save {
        file_id: String,
        #[arg(long)]
        out: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// Register a request from a JSON file (- for stdin); prints the stored request as JSON
    New {
        #[arg(long)]
        file: String,
        /// A key naming this registration (8–100 of A–Z a–z 0–9 - _): sent again with the same
        /// key, it returns the request registered the first time instead of a second one
        #[arg(long)]
        idempotency_key: Option<String>,
        /// Also write the registration receipt, with the follow-up PIN, as a PDF here (the PIN
        /// is shown only at registration: a repeat under the same key writes none)
        #[arg(long)]
        receipt_out: Option<String>,
        /// The receipt's paper
        #[arg(long, default_value = "a5", value_parser = ["a5", "80mm"])]
        paper: String,
    },
    /// Show a request by its tracking code
    Show { code: String },
    /// Attach the agency's letter or an enclosure (PDF, JPEG, PNG, TIFF) to a request (clerk)
    Attach {
        code: String,
        #[arg(long)]
        file: String,
        #[arg(long, default_value = "letter", value_parser = ["letter", "enclosure"])]
        purpose: String,
        #[arg(long)]
        title: Option<String>,
    },
    /// A request's letter and enclosures
    Files { code: String },
    /// Take an action: start_review, send_back, resubmit, forward, approve, reject, dispatch,
    /// confirm_delivery, receive_back, close, cancel
    Act {
        code: String,
        action: String,
        #[arg(long)]
        note: Option<String>,
        /// Fail with a conflict unless the request is still at this version
        #[arg(long = "expect-version")]
        expect_version: Option<i64>,
    },
    /// Take one step (forward, approve, send_back, reject) on several requests, each on its
    /// own; prints the result per request as JSON. Exit 0 only when every one was applied, 3
    /// when some were refused as not permitted, 4 when some were refused for conflicts
    ActMany {
        action: String,
        #[arg(long, value_delimiter = ',', required = true)]
        codes: Vec<String>,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct PageArgs {
    #[arg(long)]
    pub cursor: Option<String>,
    #[arg(long)]
    pub limit: Option<i64>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    #[arg(long)]
    pub code: Option<String>,
    #[arg(long)]
    pub org: Option<String>,
    #[arg(long)]
    pub letter: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    /// Jalali date, e.g. 1404/01/15
    #[arg(long)]
    pub from: Option<String>,
    /// Jalali date, inclusive
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub text: Option<String>,
    #[command(flatten)]
    pub page: PageArgs,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain; exit 0 when intact
    Verify,
}

#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    /// Show every state's target in working hours
    List,
    /// Set a state's target in working hours
    Set { status: String, hours: u32 },
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Rotate the embedded database's encryption key (administrator)
    Rekey,
    /// Keep a PostgreSQL password in the OS keychain (from SANAD_DB_PASSWORD or a prompt), so
    /// --db URLs need not carry it
    SavePassword,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Make the directorate's signing key: its private half in this desk's keychain (administrator)
    Init,
    /// Start a new key; tokens the old one signed still verify (administrator)
    Rotate,
    /// Declare a key compromised from DATE (Jalali, or RFC 3339): its tokens from then on are refused (administrator)
    Revoke {
        kid: String,
        #[arg(long)]
        from: String,
    },
    /// Write the current key's private half sealed with SANAD_KEY_PASSPHRASE (administrator)
    Export {
        #[arg(long)]
        out: String,
    },
    /// Enroll this desk to sign with an exported key (passphrase from SANAD_KEY_PASSPHRASE; administrator)
    Import { file: String },
    /// Print the published key set (JSON), as the portal serves it at /.well-known/sanad-keys.json
    Public,
    /// List the keys and their validity (administrator, auditor)
    List,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A certified copy (PDF) to check
    pub file: Option<String>,
    /// A token as read off a slip's QR code
    #[arg(long)]
    pub token: Option<String>,
    /// A key set (JSON, as `sanad key public` prints it): check offline, without a database
    #[arg(long)]
    pub keys: Option<String>,
}
