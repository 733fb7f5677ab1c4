Hello ${agent},

${author} mentioned you in a note on account ${customerNumber} (${customerName})<#if invoiceNumber?has_content>, invoice ${invoiceNumber}</#if>:

${body}

Open the account in Dunwell to reply.
