// The design passes, and the reports a CI server picks up are there, each with the review in it.
def log = new File(basedir, 'build.log').text
assert log.contains('e2ee-review: ') && log.contains('e2ee-review.yaml: ')
def out = new File(basedir, 'target/e2ee-review')
assert new File(out, 'e2ee-review.sarif').text.contains('"version" : "2.1.0"') || new File(out, 'e2ee-review.sarif').text.contains('"version": "2.1.0"')
assert new File(out, 'e2ee-review.junit.xml').text.contains('<testsuite')
assert new File(out, 'e2ee-review.html').text.contains('<html')
assert !out.listFiles().any { it.name.endsWith('.tmp') }
