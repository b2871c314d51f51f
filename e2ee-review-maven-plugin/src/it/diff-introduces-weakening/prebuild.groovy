// A repository whose last commit has the design before the change (before.yaml at messenger.yaml's path);
// the working tree has it after (a ghost participant added).
def git(String... args) {
    def p = new ProcessBuilder(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.org', '-c', 'commit.gpgsign=false'] + args.toList())
            .directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : out
}
def model = new File(basedir, 'design/messenger.yaml')
def after = model.text
git('init', '-q', '.')
model.text = new File(basedir, 'design/before.yaml').text
git('add', 'design/messenger.yaml')
git('commit', '-q', '-m', 'the design before the change')
model.text = after
return true
