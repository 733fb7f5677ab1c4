Dear ${customerName},

This is a friendly reminder that installment ${installmentNumber} of ${installmentCount} of your
payment arrangement, ${amount}, is due on ${dueDate}.

If you have already paid it, please disregard this message — thank you.

If you cannot pay it on time, please reply to this email before the due date so
that we can find a solution together.

Kind regards,
Accounts Receivable
