Your report has been withdrawn, as you asked.

Reference: ${reference}

The monitors have been told, and we will not write to you about this report again. It is kept only as a withdrawn report and is not investigated further.

If you also want us to delete everything that could identify you, reply to this message with the single word erase on the first line.

The monitoring team
${organisation}

This is an automatic message.
