// Each finding at or above failOn is a located line, file:line:column, in the build's output.
def log = new File(basedir, 'build.log').text
assert log =~ /design[\/\\]messenger\.yaml:\d+:\d+: CRITICAL GHOST-PARTICIPANT@group-chat: /
assert log.contains('finding(s) at or above high')
assert new File(basedir, 'target/e2ee-review/messenger.sarif').isFile()
assert new File(basedir, 'target/e2ee-review/messenger.junit.xml').isFile()
