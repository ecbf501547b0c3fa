## Complaints, suggestions and comments.

kind-complaint = Complaint
kind-suggestion = Suggestion
kind-comment = Comment

status-registered = Registered
status-assigned = Assigned
status-answered = Answered

action-assign = Assign
action-answer = Answer

error-complaint-kind-unknown = The kind must be complaint, suggestion or comment.
error-complaint-not-assignee = Only the person it is assigned to (or the director) may answer it.
error-complaint-assignee-role = It can only be assigned to an active clerk, reviewer, director or ministry user.
error-contact-required = Enter a mobile number or an e-mail address, so the answer can reach the person.
error-email-format = The e-mail address is not valid; enter it as name@domain.
error-conflict-complaint-changed = Another desk changed this at the same time; your change was not applied. Look at it as it is now and decide again.
error-not-found-complaint = No complaint, suggestion or comment has this tracking code.
error-not-found-tracking-code = No request or complaint has this tracking code.

field-mobile = Mobile
field-email = E-mail
field-text = Text
field-request-code = Related request's tracking code
field-assignee = Assign to
field-answer = Answer

label-complaint-kind = Kind
label-person = Name
label-contact = Contact
label-complaint-text = Text
label-linked-request = Related request
label-assignee = Assigned to
label-answer = Answer
cli-complaints-empty = Nothing matches.
cli-complaint-file-or-fields = Give the text with --text or a file with --file.
