## Acting approvers (delegations) and decisions on several requests at once.

delegation-acting-for = acting for { $name }
delegation-acting-title = Acting
slip-approval-line-acting = { $name } (acting, for { $for }), { $at }
history-acting-for = { $role }, acting for { $name }

error-delegation-role = Only a reviewer's, director's or ministry liaison's steps can be delegated.
error-delegation-admin-auditor = The administrator and auditors neither act for others nor delegate.
error-delegation-self = Nobody can act for themselves.
error-delegation-not-passed-on = A delegation is not passed on: this user holds the role only as someone's delegate.
error-delegation-role-not-held = The person away does not hold this role.
error-delegation-delegate-inactive = The delegate's account is deactivated.
error-delegation-ends-before-start = The delegation must end after it starts.
error-delegation-overlap = This period overlaps another delegation of the same person and role ({ $name }, from { $from } until { $until }).
error-delegation-already-ended = This delegation has already ended.
error-delegation-user-unknown = There is no user with this user name.
error-not-found-delegation = No delegation has this id.
error-sod-approve-own-forward = Whoever reviewed and forwarded a request may not approve it in the director's place.
error-sod-two-roles = You already decided on this request as “{ $role }”; nobody decides on one request in two roles.
error-bulk-action = Only forward, approve, send back or reject can be applied to several requests at once.
error-bulk-empty = No request is selected.
error-bulk-too-many = At most { $max } requests can be decided at once.

field-from-user = Person away
field-to-user = Delegate
field-from-date = From
field-until = Until
field-order = Order number
field-codes = Tracking codes
field-id = Id

bulk-refusal-conflict = changed at another desk meanwhile
bulk-refusal-state-changed = its state has changed
bulk-refusal-separation-of-duties = separation of duties
bulk-refusal-not-permitted = not permitted
bulk-refusal-not-found = not found
bulk-refusal-invalid = invalid
bulk-refusal-failed = failed

cli-delegations-empty = No delegation is recorded.
cli-delegation-line = { $id } | { $from } → { $to } | { $role } | from { $starts } until { $ends } | order { $order }{ $state }
cli-delegation-active = [in force]
cli-delegation-ended = [ended { $at }]
cli-delegation-ended-now = The delegation has ended.
