## Status by tracking code: one plain sentence per state and what comes next, for a clerk on the phone.

label-since = Since
label-next-step = Next step
label-name-masked = Name

track-request-submitted = The request is registered and waiting for review.
track-request-under-review = A reviewer is checking the request.
track-request-correction = The request was sent back to the requesting agency for correction.
track-request-awaiting-director = The request was reviewed and awaits the director's approval.
track-request-awaiting-ministry = The director approved the request; it awaits the ministry's approval.
track-request-approved = The request is approved and the document is ready to be sent.
track-request-rejected = The request was rejected.
track-request-dispatched = The document has been sent.
track-request-delivered = The document was delivered.
track-request-returned-to-repository = The original document is back in the repository.
track-request-closed = The request is finished.
track-request-cancelled = The request was cancelled at the applicant's wish.

track-request-next-submitted = A reviewer will start checking it.
track-request-next-under-review = After review it goes to the director for approval or back for correction.
track-request-next-correction = The requesting agency must correct what is missing and send it again.
track-request-next-awaiting-director = The director approves or rejects it.
track-request-next-awaiting-ministry = The ministry's representative approves or rejects it.
track-request-next-approved = The registry desk sends the document.
track-request-next-rejected = Nothing more; the reason was given to the applicant.
track-request-next-dispatched = Its delivery is recorded when the document arrives.
track-request-next-delivered = An original must come back to the repository by its return date; otherwise the request is closed.
track-request-next-returned-to-repository = The registry desk closes the request.
track-request-next-closed = Nothing more.
track-request-next-cancelled = Nothing more.

track-complaint-registered = It is registered and waits to be assigned.
track-complaint-assigned = It was assigned to a member of staff, who is looking into it.
track-complaint-answered = It has been answered.
track-complaint-closed = It is finished.

track-complaint-next-registered = The registry desk assigns it to the responsible member of staff.
track-complaint-next-assigned = The responsible member of staff answers it.
track-complaint-next-answered = Once the answer is given, it is closed.
track-complaint-next-closed = Nothing more.
