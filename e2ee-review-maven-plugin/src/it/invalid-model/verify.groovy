// The loader's problems, each at its file, line and column, and no report.
def log = new File(basedir, 'build.log').text
assert log =~ /e2ee-review\.yaml:4:18: bad value 'usr' for 'kind' of party 'users'/
assert log =~ /e2ee-review\.yaml:8:34: unknown party 'nobody' in 'run-by'/
assert log.contains('is not a usable model')
assert !new File(basedir, 'target/e2ee-review').exists()
