## The certified copy delivered through the portal, and the portal's verification page (issue 15).

portal-received-heading = Received requests
portal-received-intro = Requests whose document another organization had sent to you, from their dispatch on.
portal-received-note = Another organization registered this request; its document was sent to you.
portal-ecopy-heading = Certified electronic copy
portal-ecopy-text = The certified electronic copy of this request's document was issued to you. Its first download records the delivery.
portal-ecopy-download = Download the copy (PDF)

portal-nav-verify = Verify
portal-verify-heading = Verify a slip or a copy
portal-verify-intro = Check a dispatch slip or a certified electronic copy against the directorate's published keys. No sign-in is needed and no personal data is shown.
portal-verify-token-heading = The slip's QR text
portal-verify-token = The text a scanner reads off the slip's QR code
portal-verify-token-hint = The very text the scanner reads off the QR code, unchanged.
portal-verify-copy-heading = The certified copy's file
portal-verify-copy = The copy's PDF file
portal-verify-copy-hint = The very file you received from the portal, unchanged.
portal-verify-code-heading = Tracking code and follow-up PIN
portal-verify-submit = Check
portal-verify-too-large = The file is larger than { $mb } MB and was not checked.
portal-verify-no-file = No file was chosen.
portal-verify-cancelled = This request was cancelled after this token was issued.
portal-verify-superseded = A newer certified copy of this request was issued after this one; ask for the new copy.
portal-verify-in-force = The request was not cancelled and no newer copy replaced this one.
portal-verify-kind = Kind
portal-verify-code = Tracking code
portal-verify-destination = Destination
portal-verify-destination-requester = The requesting agency itself
portal-verify-mode = Dispatch mode
portal-verify-dispatched = Dispatched
portal-verify-not-dispatched = Not yet dispatched
portal-verify-signed = Signed
portal-verify-copy-number = Slip copy
portal-verify-key = Signing key
portal-verify-authentic = Authentic: signed by "{ $issuer }".
portal-verify-issuer-unnamed = the Directorate of Economic Affairs and Finance
error-verify-locked = Too many checks came from this address: verification is closed until { $until }. Try again after that.
