#!/usr/bin/env bats
# Checks of the sources that the compiler cannot make (testsuite/lint.py).

bats_require_minimum_version 1.5.0
load lib

setup() {
	command -v python3 >/dev/null || skip "no python3"
}

@test "the sources use only fmt's conversions, nl.c prints nothing, and no bats line asserts nothing" {
	run python3 "$TOP/testsuite/lint.py"
	assert_success
	assert_output ""
}

@test "lint.py finds a conversion fmt lacks, a print in nl.c and a '!' line that cannot fail" {
	mkdir -p "$BATS_TEST_TMPDIR/t/applets" "$BATS_TEST_TMPDIR/t/libbb" \
		"$BATS_TEST_TMPDIR/t/testsuite"
	cp "$TOP/testsuite/lint.py" "$BATS_TEST_TMPDIR/t/testsuite/"
	printf 'int nl_f(void)\n{\n\tmsg("x");\n}\n' >"$BATS_TEST_TMPDIR/t/libbb/nl.c"
	printf 'void f(void)\n{\n\tmsg("[%%5d] %%s", 1, "a");\n\tmsg("%%d%%%%%%c", n, c);\n\tmsg("%%lu", n);\n}\n' \
		>"$BATS_TEST_TMPDIR/t/applets/x.c"
	printf '@test "t" {\n\t! false\n\ttrue\n}\n@test "u" {\n\t! false\n}\n' \
		>"$BATS_TEST_TMPDIR/t/testsuite/x.bats"
	run python3 "$BATS_TEST_TMPDIR/t/testsuite/lint.py"
	assert_failure 1
	assert_output "applets/x.c:3: a conversion fmt does not have: \"[%5d] %s\"
applets/x.c:5: a conversion fmt does not have: \"%lu\"
libbb/nl.c:3: the transport prints: msg(\"x\");
testsuite/x.bats:2: '! CMD' before the end of a test asserts nothing: ! false"
}
