<#-- Shared by the HTML page and the HTML submission: no fonts or images from outside; prints on A4. -->
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Verdana, "Segoe UI", sans-serif; color: #1f1f1f; line-height: 1.45;
       margin: 0 auto; max-width: 72rem; padding: 1.5rem; font-size: 15px; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.meta, .muted { color: #5f6368; }
code, pre, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
.verdict { border: 2px solid #1f1f1f; padding: .75rem 1rem; margin: 1rem 0; border-radius: 6px; }
.verdict strong { font-size: 1.15rem; }
.verdict h2 { border: 0; padding: 0; margin: .25rem 0 .5rem; }
.verdict.weakened, .verdict.not-end-to-end-by-default { border-color: #b3261e; background: #fde2e1; }
.verdict.not-weakened { border-color: #1e6b34; background: #e3f4e8; }
.sev { display: inline-block; min-width: 5.5em; font-weight: bold; font-size: .8rem; padding: .05rem .4rem;
       border-radius: 3px; text-align: center; border: 1px solid; }
.sev.critical { color: #fff; background: #8c1d18; border-color: #8c1d18; }
.sev.high { color: #fff; background: #b3261e; border-color: #b3261e; }
.sev.medium { color: #8a5a00; background: #fff4d6; border-color: #8a5a00; }
.sev.low, .sev.info { color: #5f6368; background: #f1f3f4; border-color: #d0d7de; }
.finding { border: 1px solid #d0d7de; border-left: 6px solid #5f6368; border-radius: 4px;
           padding: .5rem 1rem; margin: 1rem 0; }
.finding.critical, .finding.high { border-left-color: #b3261e; }
.finding.medium { border-left-color: #8a5a00; }
/* Not faded: opacity took its grey text below WCAG AA contrast. It says "accepted" in words too. */
.finding.accepted { border-left-style: dashed; }
.finding h3 { margin-top: .3rem; }
ol.steps, ul.steps { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
.steps li { margin: .1rem 0; }
.reader.unseen { font-weight: bold; }
.tag { font-size: .75rem; border: 1px solid #d0d7de; border-radius: 3px; padding: 0 .3rem; color: #5f6368; }
.tag.unseen { color: #b3261e; border-color: #b3261e; }
figure.diagram { margin: 1rem 0; overflow-x: auto; border: 1px solid #d0d7de; border-radius: 4px; padding: .5rem; }
<#-- At the size it declares: squeezed to the column, its text would be too small to read. -->
figure.diagram svg { display: block; }
figure.diagram .print { display: none; }
figcaption { color: #5f6368; font-size: .85rem; margin-top: .4rem; }
pre.source { border: 1px solid #d0d7de; padding: .5rem 0; overflow-x: auto; line-height: 1.35; }
pre.source span.line { display: block; padding: 0 .75rem; white-space: pre; }
pre.source span.line:target { background: #fff4d6; }
pre.source span.no { display: inline-block; width: 3.5em; color: #5f6368; user-select: none; }
a { color: #0b57d0; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
nav.toc ol { columns: 2; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.35; }
  h2 { margin-top: 1.4rem; }
  a { color: inherit; text-decoration: none; }
  nav.toc, #model { display: none; }
  /* Findings flow on from one another: kept whole, most would start a page and leave the one before
     half empty. What stays together is a heading with what follows it, a row, an item, a line. */
  h1, h2, h3, p.chain { break-after: avoid; }
  figure.diagram, tr, li, .verdict { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  thead { display: table-header-group; }
  <#-- The print copies are sized for the page; the readers figure (540 pt) narrows to it, no text under 7 pt. -->
  figure.diagram { overflow: visible; border: 0; padding: 0; }
  figure.diagram svg { max-width: 100%; height: auto; }
  figure.diagram .screen { display: none; }
  figure.diagram .print { display: block; }
  figure.diagram .part + .part { break-before: page; }
  section.landscape { page: landscape; }
}
@page { size: A4; margin: 18mm 16mm; }
@page landscape { size: A4 landscape; }
