A mail from your address to the Shahid monitors address was refused and changed nothing.

Replies are accepted only when they answer a ticket notification (keep its Reply-To address, or its subject with
the reference and the [key:...] token) and come from your roster address through a server that signs it.
If you did not send such a mail, someone may be trying to act in your name: tell your lead.

This notice is sent at most once an hour.

${organisation}
