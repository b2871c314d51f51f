// A repository whose last commit has the design as it is: a change that leaves it alone.
def git(String... args) {
    def p = new ProcessBuilder(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.org', '-c', 'commit.gpgsign=false'] + args.toList())
            .directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : out
}
git('init', '-q', '.')
git('add', 'design/messenger.yaml')
git('commit', '-q', '-m', 'the design')
return true
