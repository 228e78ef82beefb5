<#if status == "WITHDRAWN">The reporter withdrew ticket ${reference}: it is kept only as withdrawn, and nothing more is sent to them about it.<#elseif followUp>The reporter added to ticket ${reference}<#if reopened>; the ticket was reopened (now ${status})</#if>.<#else>A new ticket arrived at ${mailbox}.</#if>

Reference:  ${reference}
Reporter:   ${pseudonym} (a pseudonym; the reporter's identity is sealed)
Kind:       ${kind}
Language:   ${language}
Status:     ${status}
<#if suggestedCategory?has_content>
Suggested category: ${suggestedCategory} (confirm with #category ${suggestedCategory})
</#if>
<#if suggestedActor?has_content>
Suggested actor:    ${suggestedActor}
</#if>
<#if registeredActor?has_content>
Registered actor:   ${registeredActorName} (a reported URL is one of its accounts; confirm with #actor ${registeredActor})
</#if>
<#if commitments?has_content>
Commitments of the group ${commitmentGroupName} (${commitmentGroup}; record a finding with #commitment <id>):
<#list commitments as commitment>
  ${commitment.id}: ${commitment.text}
</#list>
</#if>
<#if linked?has_content>
Linked tickets (same evidence): <#list linked as other>${other}<#sep>, </#list>
(A file or post reported many times links each report only to its most recent other reports; the database
still records every report of it.)
To give them all your verdict and message, add #cluster to #close, #reject or #status resolved/rejected.
</#if>

----- Text (working copy, without headers) -----
${text}
----- End of text -----

<#if evidence?has_content>
Evidence:
<#list evidence as file>
- <#if file.number?has_content>${file.number}. </#if>${file.fileName} (${file.type}, ${file.size} bytes) SHA-256 ${file.sha256}<#if file.note?has_content> [${file.note}]</#if>
<#if file.delivery?has_content>  <#if file.delivery == "attached">attached as ${file.attachedAs}<#elseif file.delivery == "on-request">not attached (mail size); reply #evidence ${file.number} or #evidence all<#elseif file.delivery == "too-large">larger than a mail may carry (${file.detail} bytes)<#elseif file.delivery == "hostile-on-request">flagged ${file.detail}: not attached; reply #evidence ${file.number} hostile for its scrubbed copy<#elseif file.delivery == "hostile">flagged ${file.detail}: never handed out<#elseif file.delivery == "not-kept">not kept<#else>no scrubbed copy could be made</#if>
</#if>
<#list (file.renamed)![] as member>  in the copy: ${member.copyName} = ${member.name}
</#list>
</#list>
<#else>
Evidence: none
</#if>

Reply to this mail to act on the ticket. Commands go in the first lines:
#status triaged|investigating|resolved|rejected|closed    #assign me|<address>
#category <name>    #priority low|normal|high|urgent    #note <internal text>
#close resolved|rejected    #reject <reason> [SHD-...]    #reopen
Findings: #actor <id> [group]    #commitment <id>    #verdict violation|no-violation|unverifiable
#severity low|medium|high    #escalate <platform>    #platform-action removed|labelled|refused|none
#evidence N|all (the scrubbed copies not attached, in mails of their own)
(the `actors` and `commitments` verbs list the ids)
Any other text you write above the quoted mail is sent to the reporter, signed "the monitoring team".
Keep the reference and the key in the subject.

${organisation}
