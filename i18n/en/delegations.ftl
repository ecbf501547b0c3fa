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

## Official holidays computed for coming years (the lunar ones estimated).

holiday-estimated = estimated
error-holiday-year-computed = Holidays are computed for the years { $first } to { $last }; earlier years are as published.
field-year = Year
holiday-nowruz-start = Nowruz begins
holiday-nowruz = Nowruz
holiday-islamic-republic-day = Islamic Republic Day
holiday-nature-day = Nature Day
holiday-khomeini = Demise of Imam Khomeini
holiday-khordad-15 = Uprising of 15 Khordad
holiday-revolution = Victory of the Islamic Revolution
holiday-oil-nationalization = Oil Nationalization Day
holiday-tasua = Tasua
holiday-ashura = Ashura
holiday-arbaeen = Arbaeen
holiday-prophet-demise = Demise of the Prophet; martyrdom of Imam Hasan
holiday-imam-reza = Martyrdom of Imam Reza
holiday-imam-askari = Martyrdom of Imam Hasan al-Askari
holiday-prophet-birth = Birth of the Prophet and Imam Ja'far al-Sadiq
holiday-fatima = Martyrdom of Fatima al-Zahra
holiday-imam-ali-birth = Birth of Imam Ali
holiday-mabath = Mab'ath
holiday-mahdi-birth = Birth of the Mahdi
holiday-imam-ali-martyrdom = Martyrdom of Imam Ali
holiday-eid-fitr = Eid al-Fitr
holiday-eid-fitr-holiday = Eid al-Fitr holiday
holiday-imam-sadiq = Martyrdom of Imam Ja'far al-Sadiq
holiday-eid-qurban = Eid al-Adha
holiday-ghadir = Eid al-Ghadir

## The desk: the administrator's delegation screen and the queue's bulk decision.

ui-tab-delegations = Delegations
ui-delegation-until-hint = The first day it no longer holds (the day they are back)
ui-delegation-add = Record delegation
ui-delegation-line = { $to } acting for { $from } ({ $role })
ui-delegation-active = in force
ui-delegation-ended = ended { $at }
ui-delegation-end = End
ui-history-by-acting = { $user }, acting { $role } for { $name }
ui-bulk-action = Step for the selected requests
ui-bulk-apply = Apply to { $count } requests
ui-bulk-confirm = “{ $action }” for these { $count } requests?
ui-bulk-confirm-ok = Confirm and apply
ui-bulk-result = { $applied } applied, { $refused } refused
ui-bulk-applied = applied; now “{ $status }”
