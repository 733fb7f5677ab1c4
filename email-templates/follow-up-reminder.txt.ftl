Hello ${recipient},

this is your reminder of the follow-up task "${taskName}" on account ${customerNumber} (${customerName}). It is due on ${dueDate}<#if autoEscalate == "yes"> and goes to your escalation point if it is still open then</#if>.
<#if description?has_content>

${description}
</#if>

Open it in Tasklist or on the account in Dunwell, and mark it completed or closed when you are done.
