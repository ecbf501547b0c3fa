## The certified copy delivered through the portal, and the portal's verification page (issue 15).

portal-received-heading = Received requests
portal-received-intro = Requests whose document another organization had sent to you, from their dispatch on.
portal-received-note = Another organization registered this request; its document was sent to you.
portal-ecopy-heading = Certified electronic copy
portal-ecopy-text = The certified electronic copy of this request's document was issued to you. Its first download records the delivery.
portal-ecopy-download = Download the copy (PDF)
