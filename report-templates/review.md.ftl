<#-- The review as Markdown, for pull requests and wikis. Everything ${...} prints is escaped for
     Markdown; the Mermaid source arrives escaped for Mermaid and is printed as it is. -->
# e2ee-review: ${model.system}

**Verdict: ${verdict.text}.** ${verdict.summary}

Counted findings: <#list verdict.counts as c>${c.count} ${c.severity}<#sep>, </#list><#if verdict.accepted gt 0>; ${verdict.accepted} accepted</#if><#if verdict.expired gt 0>; ${verdict.expired} acceptances expired (counted again)</#if><#if verdict.baseline??>; baseline ${verdict.baseline}</#if><#if verdict.notAssessed gt 0>; ${verdict.notAssessed} checks not assessed</#if>.
`--fail-on ${verdict.failOn}`: <#if verdict.fails>fails<#else>passes</#if>.

## Who can read each conversation, beyond its members

| Conversation | Protection | Outside readers |
|---|---|---|
<#list conversations as c>
| ${c.id} | ${c.protection} | <#if c.readers?has_content><#list c.readers as r>**${r.party}**: ${r.summary}<#if r.findings?has_content> → <#list r.findings as f>${f.id}<#sep>, </#list></#if><#sep>; </#list><#else>members only</#if><#if c.reportsGoTo?has_content> (reports go to <#list c.reportsGoTo as p>${p}<#sep>, </#list>)</#if> |
</#list>
<#if diagram?? && diagram.readersMermaid??>

Who outside each conversation can read it, and when (<#if diagram.readersLines == 1>the condition is written on its edge<#elseif diagram.readersConditions lt 2>the condition is written on each edge<#else>each condition is written on its edges</#if>):

```mermaid
${diagram.readersMermaid?no_esc}```
</#if>

<#if diagram?? && diagram.mermaid??>
## Diagram

<#if diagram.detailed>
Parties are boxes around the components they run, each listing the keys it stores. Red, thick,
dashed lines and elements marked ⚠ are routes by which someone outside a conversation reads it.
<#else>
${diagram.scope}. Edges from outside readers say when they read; grey lines join members to their
conversations.
</#if>

```mermaid
${diagram.mermaid?no_esc}```

</#if>
## Findings

<#if !findings?has_content>
None.

</#if>
<#list findings as f>
### ${f.severity?upper_case} ${f.id}

${f.message}

<#if f.acceptance??>
- **${f.acceptance}**
</#if>
- **Where:** ${f.at.text}
<#if f.readers?has_content>
- **Readers:** <#list f.readers as r>${r}<#sep>, </#list><#if f.condition??> (${f.condition})</#if>
<#elseif f.withoutReaders??>
- **Readers:** none named: ${f.withoutReaders}
</#if>
- **Scope:** <#if f.systemic>systemic<#else>targeted</#if><#if f.blastRadius??> · blast radius: ${f.blastRadius}</#if>
<#if f.severityBecause??>
- **Severity:** ${f.severity} because ${f.severityBecause}
</#if>
<#list f.evidence as chain>
- *${chain.title}:*
<#list chain.steps as s>
  - ${s.at.text} ${s.text}
</#list>
</#list>
<#if f.safeguards?has_content>
- **Safeguards:** <#list f.safeguards as s>${s}<#sep>; </#list>
</#if>
<#list f.disclosed as d>
- **Disclosed to users** by ${d}; disclosure does not lower the finding, an acceptance does
</#list>
- **Fix:** ${f.fix}
<#if f.refs?has_content>
- **Sources:** <#list f.refs as r>[${r.number}] ${r.key}<#if r.section??> ${r.section}</#if><#sep>; </#list><#if f.legal?has_content>; <#list f.legal as l>${l}<#sep>; </#list></#if>
</#if>

</#list>
<#if notAssessed?has_content>
## Not assessed

The model does not say, so nothing is assumed either way.

<#list notAssessed as n>
- ${n.elementKind} ${n.element}: ${n.missing}: <#list n.rules as r>${r}<#sep>, </#list>
</#list>

</#if>
## Safety features

<#if !safetyFeatures?has_content>
None recognised.

<#else>
| Feature | Verdict | What it does here |
|---|---|---|
<#list safetyFeatures as s>
| ${s.id} | ${s.verdict!""} | ${s.message} |
</#list>

</#if>
## Public-safety objectives (2020 statement)

<#list objectives as o>
- **${o.title}:** ${o.status}<#if o.metBy?has_content> by <#list o.metBy as m>${m}<#sep>, </#list></#if><#if o.suggestions?has_content> (could be served without weakening by <#list o.suggestions as s>${s}<#sep>, </#list>)</#if><#list o.onlyThrough as t>; ${t}</#list>
</#list>

<#if safeguards?has_content>
## Safeguards declared

| Safeguard | Effect | Where |
|---|---|---|
<#list safeguards as s>
| ${s.name} | ${s.effect} ${s.route} | ${s.at.text} ${s.text} |
</#list>

</#if>
<#if notes?has_content || unusedAcceptances?has_content>
## Notes on the model

<#list notes as n>
- ${n}
</#list>
<#list unusedAcceptances as a>
- acceptance ${a}
</#list>

</#if>
<#if references?has_content>
## References

<#list references as r>
- [${r.number}] ${r.title}<#if r.authors??>, ${r.authors}</#if><#if r.date??> (${r.date})</#if><#if r.publishedIn??>. ${r.publishedIn}</#if><#if r.identifiers??>. ${r.identifiers}</#if><#if r.url??>. <${r.url?no_esc}></#if>
</#list>

</#if>
---
e2ee-review ${tool.version} · ${model.file} · model sha256 `${model.sha256}` · rules sha256 `${tool.rulesSha256}` · catalog sha256 `${tool.catalogSha256}`
