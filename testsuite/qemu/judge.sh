#!/bin/sh
# judge.sh ARCH LOG STATUS [TIMEOUT]: the verdict on one boot, from its
# serial log LOG (its CRs and screen controls removed) and QEMU's exit
# STATUS (124: killed by timeout(1) after TIMEOUT seconds). Prints the
# result line and exits 0 when the boot passed: a result line
# "E2E ARCH: N passed, 0 failed" that counts the PASS and FAIL lines, N at
# least 1, no kernel panic, QEMU's status 0. Else prints "FAIL ARCH: WHY"
# (with the result line, if any) and exits 1.
arch=$1 log=$2 st=$3 timeout=$4
result=$(grep -E "^E2E $arch: [0-9]+ passed, [0-9]+ failed\$" "$log" | tail -n 1)
npass=$(grep -c '^PASS ' "$log")
nfail=$(grep -c '^FAIL ' "$log")
why=
if [ "$st" -eq 124 ]; then
	why="timed out${timeout:+ after $timeout s}"
elif grep -q 'Kernel panic' "$log"; then
	why="kernel panic"
elif [ -z "$result" ]; then
	why="no result line (QEMU's status $st)"
elif [ "$result" != "E2E $arch: $npass passed, $nfail failed" ]; then
	why="the result line does not count the $npass PASS and $nfail FAIL lines"
elif [ "$nfail" -ne 0 ]; then
	why="failed steps"
elif [ "$npass" -eq 0 ]; then
	why="no step ran"
elif [ "$st" -ne 0 ]; then
	why="QEMU's status $st"
fi
if [ -z "$why" ]; then
	echo "$result"
	exit 0
fi
echo "FAIL $arch: $why${result:+: $result}"
exit 1
