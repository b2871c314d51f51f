<#-- The consultation submission as Markdown: a body in plain words structured by the 2020
     statement's three asks, then annexes with the ids, evidence and sources behind it. -->
<#assign ask1 = objectives?filter(o -> o.ask == 1)>
<#assign ask2 = objectives?filter(o -> o.ask == 2)>
<#assign ask3 = objectives?filter(o -> o.ask == 3)>
<#-- Annexes are lettered in order; without proposals there is no annex on them. -->
<#assign annexRefs = proposals?has_content?then("C", "B")>
<#assign annexRepro = proposals?has_content?then("D", "C")>
<#assign annexTerms = proposals?has_content?then("E", "D")>
<#macro cites refs><#list refs as r>\[${r.number}\]<#sep> </#list></#macro>
<#-- One objective's answer in a sentence, for the table of the three asks. -->
<#macro answer o>${o.title}: <#if o.metByTitles?has_content>met without weakening encryption.<#elseif o.onlyThroughTitles?has_content>served only through weaknesses the review finds.<#elseif o.ask == 2>no feature of the design gives it without weakening encryption.<#else>no feature of the design serves it.</#if></#macro>
<#macro severities lead="">*${lead}Severities: critical (the gravest) and high findings weaken end-to-end encryption; medium and low ones are narrower weaknesses; info findings are only noted.*

</#macro>
<#-- What the organisation asks, inside the summary: readers who know only the statement looked for it on the
     first pages and found it after the design's weaknesses, on page 3 or 4. -->
<#macro asks><#if plain.asks?has_content || plain.notAsked??>
### What we ask

<#list plain.asks as a>
- ${a}
</#list>

<#if plain.notAsked??>
${plain.notAsked}

</#if>
</#if></#macro>
<#macro prose p><#if p?has_content>${p.markdown?no_esc}

</#if></#macro>
# ${submission.title}

<#if submission.addressee??>
**To:** ${submission.addressee}  
</#if>
<#if submission.reference??>
**Consultation reference:** ${submission.reference}  
</#if>
<#if submission.organisation??>
**From:** ${submission.organisation}<#if submission.contactLink??>, <${submission.contactLink?no_esc}><#elseif submission.contact??>, ${submission.contact}</#if>  
</#if>
<#if today??>
**Date:** ${plain.date!today}  
</#if>
**About:** the design of ${model.system}<#if model.systemVersion??>, ${model.systemVersion},</#if> as the submitter modelled it; Annex ${annexRepro} says how to repeat the analysis<#if plain.terms?has_content>, Annex ${annexTerms} explains the terms it uses</#if>

## Summary

<@prose submission.summary!/>
<#-- The statement's three asks and the answer to each in a line, for a reader who reads no further than page 1. -->
The three asks of the 2020 international statement on end-to-end encryption and public safety, in brief:

- **Public safety in the design** (section 2): <#list ask1 as o><@answer o/><#sep> </#list>
- **Access to content** (section 3<#if proposals?has_content>, Annex B</#if>): <#list ask2 as o><@answer o/><#sep> </#list>
- **Consultation on design** (section 4): this submission offers the design as a model <#if submission.modelLink?? || submission.modelUrl??>anyone<#else>others</#if> can check<#if proposals?has_content>, ${proposals?size} proposal<#if proposals?size != 1>s</#if> assessed against it,</#if> and a way to repeat the review.

<#-- The consultation is about the proposals: which were assessed, what the organisation asks, what each would
     add, then the design as it is. -->
<#if plain.proposals??>
### The proposals assessed

${plain.proposals}

<@asks/>
### What each proposal would make possible

| Proposal (year made) | Who would gain access, to what | Would anyone notice? | Who else could use it | Gravest weakness now → with it |
|---|---|---|---|---|
<#list plain.rows as r>
| **${r.title}** | <#if r.applied && r.whose?has_content>${r.gains?cap_first}: ${r.whose}, ${r.forWhom}<#else>${r.gains?cap_first}</#if> | ${r.noticed} | ${r.misuse} | ${r.gravest} |
</#list>

<#-- The pointer to Annex B goes in the key's line: a line of its own above the table took a line of page 2. -->
<@severities "Annex B sets each out in full. "/>
</#if>
<#-- After the proposals, a heading of its own for the design as it is: a reader found the box that admits its
     weaknesses unnamed among them. -->
<#if plain.proposals??>
### The design as it is

</#if>
**${plain.verdict}**

<#list plain.because as s>
- ${s}
</#list>
<#if plain.because?has_content>

</#if>
<#-- The key goes where severities are first written: under the proposals' table when there is one. -->
<#if (plain.because?has_content || plain.also?has_content) && !(plain.rows![])?has_content>
<@severities/>
</#if>
<#list plain.protects as s>
${s}

</#list>
<#-- Whether anyone would notice, said once over each list. -->
<#if plain.readers?has_content>
Who outside a conversation could read it without anyone noticing, and when:

<#list plain.readers as s>
- ${s}
</#list>

</#if>
<#if plain.knownReaders?has_content>
<#if plain.readers?has_content>And in ways someone could know of:<#else>Who outside a conversation could read it, and when:</#if>

<#list plain.knownReaders as s>
- ${s}
</#list>

<#if plain.noticed??>
${plain.noticed}

</#if>
</#if>
<#list plain.also as s>
${s}

</#list>
<#if !plain.proposals??><@asks/></#if>
## 1. The design and who can read it

<@prose submission.design!/>
<#if model.description??>
${model.description}

</#if>
<#if diagram?? && diagram.readersMermaid??>
Who outside each conversation could read it, and when (<#if diagram.readersLines == 1>the condition is written on its line<#elseif diagram.readersConditions lt 2>the condition is written on each line<#else>each condition is written on its lines</#if>; Annex A sets out the same as a table):

```mermaid
${diagram.readersMermaid?no_esc}```

<#else>
Annex A sets out, conversation by conversation, who else could read it and when.

</#if>
## 2. The first ask: public safety in the design

> ${ask1?first.statement!""}

<@prose submission.publicSafety!/>
<#list ask1 as o>
**${o.title}:** <#if o.metByTitles?has_content>met without weakening encryption, by <#list o.metByTitles as m>${m}<#sep>; </#list>.<#elseif o.onlyThroughTitles?has_content>not met without weakening: served only by <#list o.onlyThroughTitles as t>${t}<#sep>; </#list>.<#else>no feature of the design serves it.</#if><#if o.suggestions?has_content> It could be served without weakening by <#list o.suggestions as s>${s}<#sep>; </#list>.</#if> <@cites o.refs/>

<#list o.concerns as c>
**What the statement fears would be lost:** ${c.text}<#if c.cite??> \[${c.cite.number}\]</#if><#if o.keeps??> ${o.keeps}</#if>

</#list></#list>
<#if safetyFeatures?has_content>
Annex A describes each of these features.

</#if>
## 3. The second ask: access to content

> ${ask2?first.statement!""}

<@prose submission.capabilities!/>
<#list ask2 as o>
**${o.title}:** <#if o.metByTitles?has_content>met without weakening encryption, by <#list o.metByTitles as m>${m}<#sep>; </#list>.<#elseif o.onlyThroughTitles?has_content>served only by <#list o.onlyThroughTitles as t>${t}<#sep>; </#list>.<#else>no feature of the design gives access to content without weakening encryption.<#if plain.readers?has_content || plain.knownReaders?has_content> Where someone outside can read content in this design (the summary names them), it is through the weaknesses found.</#if></#if><#if o.suggestions?has_content> It could be served without weakening by <#list o.suggestions as s>${s}<#sep>; </#list>.</#if> <@cites o.refs/>

</#list>
<#list ask2 as o><#if o.powers?has_content>
The laws that bear on these proposals, some requiring such measures and some limiting them, and how we read each:

<#list o.powers as l>
- ${l.text}<#if l.cite??> \[${l.cite.number}\]</#if>
</#list>

Authorisation and oversight, however strong, govern who may lawfully use such a capability; they do not limit who else could use it once it exists, as the summary shows for each proposal. Annex B sets each out in full, with what would serve its aims without weakening encryption.

</#if></#list>
<#if proposals?has_content>
<#if !(ask2?has_content && ask2?first.powers?has_content)>Annex B sets out each proposal in full, with what would serve its aims without weakening encryption.</#if>

<#else>
<#list capabilities as c>
- **${c.title}**: <#if c.inDesign>already in this design.<#elseif c.requires?has_content>would have to override <#list c.requires as r>${r}<#sep>; </#list>.<#else>no declared safeguard stands in its way.</#if> <#if c.systemic>It would change the system for every user.<#else>It would be used against chosen users.</#if> Instead: ${c.alternative} <@cites c.refs/>
</#list>

</#if>
## 4. The third ask: consultation on design

> ${ask3?first.statement!""}

This submission is itself our contribution to a consultation on design. It offers:

- **the design, as a model <#if submission.modelLink?? || submission.modelUrl??>anyone<#else>others</#if> can check**: ${model.fileName}, from which the findings above follow by published rules<#if submission.modelLink??>; it is available at <${submission.modelLink?no_esc}><#elseif submission.modelUrl??>; it is available at ${submission.modelUrl}<#else>; we will provide it on request</#if>;
<#if proposals?has_content>
- **each proposal assessed against that design**, with who would gain access and what would change (Annex B);
</#if>
- **a way to check it, and to test what comes next**: anyone can re-run the review and confirm it (Annex ${annexRepro}); and a measure the government has in mind can be written as a change to this model<#if proposals?has_content>, as the proposals of Annex B were,</#if> and reviewed the same way while it can still be changed, before any law or order requires it<#if submission.contactLink??>: sent to <${submission.contactLink?no_esc}>, we will review it the same way and return the result<#elseif submission.contact??>: sent to ${submission.contact}, we will review it the same way and return the result</#if>.

<#if submission.closing??>
## 5. Closing

<@prose submission.closing!/>
</#if>
---

## Annex A. Findings and evidence

### Who else could read each conversation

| Conversation | Protection | Who else could read it, and when |
|---|---|---|
<#list conversations[0..*plain.listed] as c>
| ${c.name!c.id} | ${c.protection} | <#if c.readers?has_content><#list c.readers as r>${r.name}: ${r.when}<#sep>; </#list><#else>nobody: members only</#if> |
</#list>
<#if (conversations?size > plain.listed)>

And ${conversations?size - plain.listed} more conversations: the review's JSON lists every one.
</#if>

### The findings

The summary above rests on these findings, each with the statements in the model that support it; where a rule finds the same on several elements, one is set out and the others named.

**Verdict: ${verdict.text}.** ${verdict.summary} Findings, one for each place a weakness is found: <#list verdict.counts as c>${c.count} ${c.severity}<#sep>, </#list><#if verdict.accepted gt 0>; ${verdict.accepted} accepted with a recorded justification</#if><#if verdict.notAssessed gt 0>; ${verdict.notAssessed} checks could not be assessed from the design as described</#if>.

<#if !findings?has_content>
The review found no weakening of end-to-end encryption.

</#if>
<#list findings as f>
- **${f.severity?upper_case} ${f.title}** (`${f.id}`)<#if f.severityBecause??>, ${f.severity} because ${f.severityBecause}</#if>: ${f.message}<#if f.acceptance??> *${f.acceptance}*</#if><#if f.refs?has_content> <@cites f.refs/></#if>
<#list f.evidence as chain>
  - *${chain.title}:* <#list chain.steps as s>${s.at.text} ${s.text}<#sep>; </#list>
</#list>
<#list f.disclosed as d>
  - *Users are told* by ${d}; being told does not lower the finding.
</#list>
<#if f.alike?has_content>
<#assign alike = f.alike?size + f.alikeNotNamed>
  - *Also found on ${alike} more element<#if alike != 1>s</#if>:* <#list f.alike as e>${e}<#sep>, </#list><#if f.alikeNotNamed gt 0> and ${f.alikeNotNamed} more</#if>.
</#if>
</#list>
<#if findingsNotListed gt 0>
- *And ${findingsNotListed} more findings, not listed: a printed document of every one would run to thousands of pages. The JSON report of the same review (`--format json`) lists them all, with their evidence.*
</#if>

<#if notAssessed?has_content>
Not assessed, because the model does not say:

<#list notAssessed[0..*plain.listed] as n>
- ${n.elementKind} ${n.element}: ${n.missing} (<#list n.rules as r>${r}<#sep>, </#list>)
</#list>
<#if (notAssessed?size > plain.listed)>
- *And ${notAssessed?size - plain.listed} more, not listed: the JSON report (`--format json`) lists them all.*
</#if>

</#if>
<#if safeguards?has_content>
Safeguards the design declares:

<#-- One entry per kind of safeguard, its declarations under it: "safety numbers" once, not once per conversation. -->
<#list safeguards[0..*plain.listed]?sort_by("title") as s>
<#if s?index == 0 || s.title + (s.what!"") + s.inWords != previous>
- **${s.title}** (<#if s.what??>${s.what}; </#if>${s.inWords}):
</#if>
  - ${s.text}, ${s.at.text}
<#assign previous = s.title + (s.what!"") + s.inWords>
</#list>
<#if (safeguards?size > plain.listed)>
- *And ${safeguards?size - plain.listed} more declarations, not listed: the JSON report (`--format json`) lists them all.*
</#if>

</#if>
<#if safetyFeatures?has_content>
The design's safety features:

<#-- Each kind once, what it is and its sources, then where the design has it. -->
<#assign shownFeatures = safetyFeatures[0..*plain.listed]>
<#list plain.features as k>
- **${k.inWords?cap_first}** (${k.title}<#if k.verdict?? && k.verdict != "preserves">; ${k.verdict} end-to-end encryption</#if>): ${k.summary!k.message} <@cites k.refs/>
<#list shownFeatures?filter(s -> s.title == k.title) as s>
  - `${s.id}`<#if s.verdict?? && s.verdict != (k.verdict!"")> (${s.verdict} end-to-end encryption)</#if>: ${s.message}
</#list>
</#list>
<#if (safetyFeatures?size > plain.listed)>
- *And ${safetyFeatures?size - plain.listed} more, not listed: the JSON report (`--format json`) lists them all.*
</#if>

</#if>
<#if diagram?? && diagram.mermaid??>
The design as a diagram:

```mermaid
${diagram.mermaid?no_esc}```

</#if>
<#if proposals?has_content>
## Annex B. The proposals in detail

Each proposal was applied to this design's model as a patch, and the patched design reviewed with the same rules: what follows is computed. "Systemic" means the capability changes the system for every user, "targeted" that it is used against chosen users while it exists for all. A proposal names the design's safeguards it would take away; one that names none needs none taken away: no safeguard of this design would stop the access it adds.

<#list proposals as p>
### B.${p?index + 1} ${p.title} (${p.year})

${p.summary}

- **Proposed by:** ${p.proposedBy}
- **Asks for:** ${p.asksFor}
- **Claims to serve:** <#list p.claims as c>${c}<#sep>; </#list>
<#if p.applied>
- **What would get worse:** ${p.row.worse}
- **What it adds to the findings:** ${p.row.adds}<#if p.row.reach?has_content> (${p.row.reach})</#if>.
<#if p.newReaders?has_content>
- **New readers, as computed:**
<#list p.newReaders as r>
  - ${r}
</#list>
<#if p.newReadersNotListed gt 0>
  - *and ${p.newReadersNotListed} more, not listed here (the JSON of `e2ee-review assess` lists them all)*
</#if>
</#if>
<#if p.widened?has_content>
- **Readers who would read more widely:**
<#list p.widened as r>
  - ${r}
</#list>
<#if p.widenedNotListed gt 0>
  - *and ${p.widenedNotListed} more, not listed here (the JSON of `e2ee-review assess` lists them all)*
</#if>
</#if>
- **Findings it introduces:**<#if !p.introduced?has_content> none (the design already has what it asks for)</#if>
<#list p.introduced as f>
  - ${f.severity?upper_case} ${f.title} (<#if f.count gt 1>found in ${f.count} places in the design; </#if><#if f.systemic>systemic<#else>targeted</#if><#if f.severityBecause??>; ${f.severity} because ${f.severityBecause}</#if>)<#if f.blastRadius??>: ${f.blastRadius}</#if>
</#list>
<#if p.introducedNotListed gt 0>
  - *and ${p.introducedNotListed} more, not listed here (the JSON of `e2ee-review assess` lists them all)*
</#if>
<#list p.replaces as r>
- **Replaces:** ${r}
</#list>
- **Applied to the model's elements:** <#list p.binds as b>${b}<#sep>; </#list>
<#if p.overrides?has_content>
- **Safeguards it would take away:** <#list p.overrides[0..*plain.listed] as o>${o}<#sep>; </#list><#if (p.overrides?size > plain.listed)>; and ${p.overrides?size - plain.listed} more</#if>
</#if>
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
<#if p.alternatives?has_content>
- **Features that serve the same aims without weakening:** <#list p.alternatives as a>${a}<#sep>; </#list>.
</#if>
<#list p.instead as i>
- **Without weakening instead:** ${i}
</#list>

</#list>
</#if>
## Annex ${annexRefs}. References

<#list references as r>
${r.number}. ${r.title}<#if r.authors??>. ${r.authors}</#if><#if r.date??> (${r.date})</#if>.<#if r.publishedIn??> ${r.publishedIn}.</#if><#if r.identifiers??> ${r.identifiers}.</#if><#if r.url??> <${r.url?no_esc}></#if>
</#list>

## Annex ${annexRepro}. Reproducing this document

The findings in this document follow from the design model by e2ee-review's published rules and catalog. To check it, get e2ee-review ${tool.version?no_esc} (its distribution, `e2ee-review-${tool.version?no_esc}-dist.zip`, or from Maven, `org.e2eereview:e2ee-review-cli:${tool.version?no_esc}`) and the model<#if submission.modelLink??> (<${submission.modelLink?no_esc}>)<#elseif submission.modelUrl??> (${submission.modelUrl})<#else> (from the submitting organisation)</#if>, confirm the fingerprints below (SHA-256 digests: a file changed by a single character has a different one), and run the command.

| | |
|---|---|
| Tool | e2ee-review ${tool.version?no_esc} |
| Rules (SHA-256) | `${tool.rulesSha256}` |
| Catalog (SHA-256) | `${tool.catalogSha256}` |
| Model | ${model.fileName} |
| Model (SHA-256) | `${model.sha256}` |
<#if today??>
| Date of review | ${today} |
</#if>
<#if command??>
| Command | ${command} |
</#if>
<#if plain.terms?has_content>

## Annex ${annexTerms}. Terms used in this document

<#list plain.terms as t>
- **${t.term}**: ${t.meaning}
</#list>
</#if>
