<#-- The consultation submission as Markdown, structured by the 2020 statement's three asks. -->
<#assign ask1 = objectives?filter(o -> o.ask == 1)>
<#assign ask2 = objectives?filter(o -> o.ask == 2)>
<#assign ask3 = objectives?filter(o -> o.ask == 3)>
<#assign present = capabilities?filter(c -> c.inDesign)>
<#macro cites refs><#list refs as r>\[${r.number}\]<#sep> </#list></#macro>
<#macro paragraphs list><#list list as p>> ${p}

</#list></#macro>
# Consultation submission: ${model.system}<#if model.systemVersion??> (${model.systemVersion})</#if>

*End-to-end encryption and public safety.*<#if submission.organisation??> Submitted by **${submission.organisation}**<#if submission.contact??>, ${submission.contact}</#if>.</#if><#if today??> ${today}.</#if>
Prepared with e2ee-review ${tool.version} from ${model.file}; Appendix A says how to reproduce every statement in it.

## 1. Executive summary

<@paragraphs submission.summary/>
**Verdict: ${verdict.text}.** ${verdict.summary}

- Conversations: ${conversations?size}, of which ${conversations?filter(c -> c.endToEndByDefault)?size} end-to-end encrypted by default; ${conversations?filter(c -> c.readers?has_content)?size} can be read by someone outside them.
- Counted findings: <#list verdict.counts as c>${c.count} ${c.severity}<#sep>, </#list><#if verdict.accepted gt 0>; ${verdict.accepted} accepted with a recorded justification</#if><#if verdict.notAssessed gt 0>; ${verdict.notAssessed} checks could not be assessed from the design as described</#if>.
<#list objectives as o>
- ${o.title} (ask ${o.ask}): ${o.status}<#if o.metBy?has_content> by <#list o.metBy as m>${m}<#sep>, </#list></#if>.
</#list>
<#if proposals?has_content>
- Lawful-access proposals: ${proposals?size} applied to this design's model; ${proposals?filter(p -> p.applied)?size} fit it, and each of those would add <#if proposals?filter(p -> p.applied && p.introduced?has_content)?size == proposals?filter(p -> p.applied)?size>a finding<#else>findings where the design does not already have them</#if>. Section 4 sets out what each would do.
<#else>
- Access capabilities governments have asked for: ${present?size} of ${capabilities?size} present in this design<#if present?has_content> (<#list present as c>${c.title}<#sep>, </#list>)</#if>. Section 4 sets out what each would require.
</#if>

## 2. The design and its end-to-end guarantees

<@paragraphs submission.design/>
<#if model.description??>
${model.description}

</#if>
| Conversation | Protection | Readers beyond its members |
|---|---|---|
<#list conversations as c>
| ${c.id} (${c.kind}) | ${c.protection} | <#if c.readers?has_content><#list c.readers as r>${r.party}: ${r.summary}<#if r.unseen> (unseen)</#if><#sep>; </#list><#else>none: members only</#if> |
</#list>

<#if safeguards?has_content>
Safeguards the design declares:

<#list safeguards as s>
- **${s.title}** (${s.effect} ${s.route}): ${s.text}, ${s.at.text}
</#list>

</#if>
<#if diagram?? && diagram.mermaid??>
```mermaid
${diagram.mermaid?no_esc}```

</#if>
### 2.1 Findings

<#if !findings?has_content>
The review found no weakening of end-to-end encryption.

</#if>
<#list findings as f>
- **${f.severity?upper_case} ${f.id}**: ${f.message}<#if f.acceptance??> *${f.acceptance}*</#if><#if f.refs?has_content> <@cites f.refs/></#if>
<#list f.evidence as chain>
  - *${chain.title}:* <#list chain.steps as s>${s.at.text} ${s.text}<#sep>; </#list>
</#list>
</#list>

<#if notAssessed?has_content>
### 2.2 Not assessed

<#list notAssessed as n>
- ${n.elementKind} ${n.element}: ${n.missing} (<#list n.rules as r>${r}<#sep>, </#list>)
</#list>

</#if>
## 3. Ask 1: public safety the design supports without weakening

<#list ask1 as o>
> ${o.statement!""}

</#list>
<@paragraphs submission.publicSafety/>
<#list ask1 as o>
### 3.${o?index + 1} ${o.title}

**${o.status?cap_first}**<#if o.metBy?has_content> by <#list o.metBy as m>${m}<#sep>, </#list></#if>.<#list o.onlyThrough as t> ${t}.</#list><#if o.suggestions?has_content> It could be served without weakening by <#list o.suggestions as s>${s}<#sep>, </#list>.</#if> <@cites o.refs/>

</#list>
<#if safetyFeatures?has_content>
| Safety feature | End-to-end encryption | What it does in this design |
|---|---|---|
<#list safetyFeatures as s>
| ${s.title} (${s.id}) | ${s.verdict!""} | ${s.message} <@cites s.refs/> |
</#list>

<#else>
The design declares no public-safety feature that the review recognises.

</#if>
## 4. Ask 2: access to content, and what each capability would require

<#list ask2 as o>
> ${o.statement!""}

**${o.title}: ${o.status}**<#if o.metBy?has_content> by <#list o.metBy as m>${m}<#sep>, </#list></#if>.<#list o.onlyThrough as t> ${t}.</#list> <@cites o.refs/>

</#list>
<@paragraphs submission.capabilities/>
<#if proposals?has_content>
Each proposal below is one governments have put to providers. e2ee-review applied each to this design, as a patch to its model, and reviewed the result: what follows is computed, with the evidence in the tool's assess report.

<#list proposals as p>
### 4.${p?index + 1} ${p.title} (${p.year})

${p.summary}

- **Proposed by:** ${p.proposedBy}
- **Asks for:** ${p.asksFor}
- **Who would gain access:** ${p.gainsAccess}
- **Claims to serve:** <#list p.claims as c>${c}<#sep>; </#list>
<#if p.applied>
- **Applied to this design:** <#list p.binds as b>${b}<#sep>; </#list>
- **Safeguards it would take away:** <#if p.overrides?has_content><#list p.overrides as o>${o}<#sep>; </#list><#else>none</#if>
- **Verdict with it:** ${p.verdict}
- **New readers:**<#if !p.newReaders?has_content> none (the parties it adds could already read<#if p.widened?has_content>, but some read more widely</#if>)</#if>
<#list p.newReaders as r>
  - ${r}
</#list>
<#if p.widened?has_content>
- **Readers who would read more widely:**
<#list p.widened as r>
  - ${r}
</#list>
</#if>
- **Findings it introduces:**<#if !p.introduced?has_content> none (the design already has what it asks for)</#if>
<#list p.introduced as f>
  - ${f.severity?upper_case} ${f.id}: ${f.message} (<#if f.systemic>systemic<#else>targeted</#if><#if f.blastRadius??>; ${f.blastRadius}</#if>)
</#list>
<#list p.replaces as r>
- **Replaces:** ${r}
</#list>
<#else>
- **Cannot apply to this design:** ${p.notApplicable}
</#if>
<#if p.research?has_content>
- **What research says:**
<#list p.research as r>
  - ${r.text}<#if r.cite??> \[${r.cite.number}\]</#if>
</#list>
</#if>
<#if p.law?has_content>
- **What the law says:**
<#list p.law as l>
  - ${l.text}<#if l.cite??> \[${l.cite.number}\]</#if>
</#list>
</#if>
- **Without weakening instead:** <#list p.alternatives as a>${a}<#sep>; </#list><#list p.instead as i> ${i}</#list>

</#list>
<#else>
Each capability below is one governments have asked providers to build. For each: whether this design already has it, what adding it would take here, and what research and law say of it.

<#list capabilities as c>
### 4.${c?index + 1} ${c.title}

${c.summary}

- **Asked for:** <#list c.askedFor as a>${a}<#sep>; </#list>
- **In this design:** <#if c.inDesign>present: <#list c.present as p>${p.id}<#sep>, </#list><#else>absent</#if>
- **Safeguards it would have to override:** <#if c.inDesign>nothing further: the design already allows it<#elseif c.requires?has_content><#list c.requires as r>${r}<#sep>; </#list><#else>no safeguard the design declares stands in its way; it would be added as a new reader of the conversations it targets</#if>
- **What it breaks:** <#list c.breaks as b>${b}<#sep>, </#list>; <#if c.systemic>systemic: it changes the system for every user<#else>targeted</#if>. ${c.blastRadius}
<#if c.research?has_content>
- **What research says:**
<#list c.research as r>
  - ${r.text}<#if r.cite??> \[${r.cite.number}\]</#if>
</#list>
</#if>
<#if c.law?has_content>
- **What the law says:**
<#list c.law as l>
  - ${l.text}<#if l.cite??> \[${l.cite.number}\]</#if>
</#list>
</#if>
- **Instead:** ${c.alternative}

</#list>
</#if>
## 5. Ask 3: consultation

<#list ask3 as o>
> ${o.statement!""}

**${o.title}: ${o.status}**<#if o.metBy?has_content> by <#list o.metBy as m>${m}<#sep>, </#list></#if>. <@cites o.refs/>

</#list>
Every statement in sections 2 to 4 is computed from the design model by a published rule set and catalog. Appendix A identifies the exact tool, rules, catalog and model, so that any reader can re-run the review and check it; a change to the design can be reviewed the same way.

<#if submission.closing?has_content>
## 6. Closing

<@paragraphs submission.closing/>
</#if>
## References

<#list references as r>
${r.number}. ${r.title}<#if r.authors??>. ${r.authors}</#if><#if r.date??> (${r.date})</#if>.<#if r.publishedIn??> ${r.publishedIn}.</#if><#if r.identifiers??> ${r.identifiers}.</#if><#if r.url??> <${r.url?no_esc}></#if>
</#list>

## Appendix A. Reproducing this document

| | |
|---|---|
| Tool | e2ee-review ${tool.version} |
| Rules (SHA-256) | `${tool.rulesSha256}` |
| Catalog (SHA-256) | `${tool.catalogSha256}` |
| Model | ${model.file} |
| Model (SHA-256) | `${model.sha256}` |
<#if today??>
| Date of review | ${today} |
</#if>
<#if command??>
| Command | ${command} |
</#if>
