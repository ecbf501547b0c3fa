## Names of the domain's states, roles and choices, as people read them.

product-name = Sanad Desk
service-name = Sending a document to an executive agency or a third party

role-clerk = Registry clerk
role-reviewer = Reviewer
role-director = Director
role-ministry = Ministry liaison
role-auditor = Auditor
role-admin = Administrator
role-agency = Agency officer

status-submitted = Submitted
status-under-review = Under review
status-correction = Needs correction
status-awaiting-director = Awaiting the director
status-awaiting-ministry = Awaiting the ministry
status-approved = Approved
status-rejected = Rejected
status-dispatched = Dispatched
status-delivered = Delivered
status-returned-to-repository = Returned to the repository
status-closed = Closed
status-cancelled = Cancelled

action-register = Register request
action-start-review = Start review
action-send-back = Send back for correction
action-resubmit = Resubmit after correction
action-forward = Forward to the director
action-approve = Approve
action-reject = Reject
action-dispatch = Dispatch
action-confirm-delivery = Confirm delivery
action-receive-back = Receive the original back
action-close = Close
action-cancel = Cancel request

mode-electronic-copy = Certified electronic copy
mode-certified-paper-copy = Certified paper copy
mode-original = Original document

priority-normal = Normal
priority-urgent = Urgent

kind-agency = Executive agency
kind-ministry = Ministry
kind-third-party = Third party
