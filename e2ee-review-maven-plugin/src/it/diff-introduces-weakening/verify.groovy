// The change is compared with HEAD's version: what it introduces fails the build, said in the log and
// written as Markdown for a pull request's comment.
def log = new File(basedir, 'build.log').text
assert log.contains('introduces findings at or above high')
assert log =~ /design[\/\\]messenger\.yaml:\d+:\d+: CRITICAL GHOST-PARTICIPANT@group-chat: /
def md = new File(basedir, 'target/e2ee-review/messenger.diff.md')
assert md.isFile()
assert md.text.contains('GHOST-PARTICIPANT')
