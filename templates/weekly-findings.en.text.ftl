Hello ${leadName},

The monitoring body's findings for reports received from ${from} to ${to} (UTC) are attached: open
findings/index.html from the zip for the tables and charts; each table is also a CSV file.

<#if byActor?has_content>
Confirmed violations by actor:
<#list byActor as line>
- ${line.actor} (${line.group}): ${line.violations}
</#list>
<#else>
No violation was confirmed this week.
</#if>

Counts from 1 to the small-cell limit print as "<N", the others are rounded; private individuals are counted,
never named. Nothing in this mail or its attachment names or points to a reporter.

${organisation}
