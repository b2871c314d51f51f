// The team's JUnit 5 tests ran against the design, and the plugin reviewed it in verify.
def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: \d+, Failures: 0, Errors: 0/
def report = new File(basedir, 'target/surefire-reports/TEST-org.example.messenger.MessengerDesignTest.xml')
assert report.isFile() && report.text.contains('theDesignIsNotWeakened')
assert log.contains('e2ee-review: ') && log.contains('NO WEAKENING AT HIGH OR ABOVE')
assert new File(basedir, 'target/e2ee-review/messenger.sarif').isFile()
