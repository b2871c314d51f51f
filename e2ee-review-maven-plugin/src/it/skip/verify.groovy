// Skipped: no review, no report, the build passes.
def log = new File(basedir, 'build.log').text
assert log.contains('e2ee-review: skipped')
assert !new File(basedir, 'target/e2ee-review').exists()
