Hello ${recipient},

the follow-up task "${taskName}" on account ${customerNumber} (${customerName}) is due today, ${dueDate}, and still open. ${owner} created it for ${assignee}.
<#if description?has_content>

${description}
</#if>
<#if autoEscalate == "yes">

It escalates now: the task goes to ${assignee}'s escalation point, or to the supervisors.
</#if>

Open it in Tasklist or on the account in Dunwell.
