/* The policy front end: good policies load into the rules we expect, bad
 * ones fail with exactly the error line we expect (inline cases and the
 * corpus in tests/policy/bad, whose .err files hold the expected line). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/capability.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "policy/policy_int.h"
#include "tests/unit/t.h"
#include "tracer/xlat.h"

static const struct policy_var test_vars[] = {
	{ "CWD", "/work/proj" },
	{ "HOME", "/home/user" },
	{ "TMPDIR", "/tmp" },
	{ "BUILD", "/work/proj/build" },
};
static const struct policy_vars vars = { test_vars, 4 };

static struct policy *load(const char *text, struct strbuf *err)
{
	struct policy *p = NULL;

	sb_reset(err);
	if (policy_load_string("t.conf", text, &vars, &p, err) < 0)
		return NULL;
	return p;
}

/* The error line for text, without the newline ("" when it loads). */
static const char *error_of(const char *text)
{
	static struct strbuf err;
	struct policy *p = load(text, &err);

	if (p) {
		policy_free(p);
		return "";
	}
	if (err.len && err.buf[err.len - 1] == '\n')
		err.buf[--err.len] = '\0';
	return sb_str(&err);
}

static bool has(const struct rule *r, enum sc_abi abi, const char *name)
{
	const struct sc_ent *e = systab_by_name(abi, name);

	return e && key_has(&r->keys[abi], (unsigned)e->nr);
}

static void test_lexer(void)
{
	struct strbuf err = STRBUF_INIT;
	struct lexed lx;
	const char *text = "allow read \\\n   write # comment\n"
			   "\n  # only a comment\ninclude \"a b.conf\"\n"
			   "deny(EACCES) fs.read /etc/[a-z]*#x\n";
	int rc = lex_text("t.conf", text, strlen(text), &lx, &err);

	T_OK(rc == 0 && lx.n == 3, "lexer: three statements (rc %d, n %zu)",
	     rc, lx.n);
	if (rc == 0 && lx.n == 3) {
		T_OK(lx.s[0].n == 3 && strcmp(lx.s[0].t[2].s, "write") == 0 &&
			     lx.s[0].t[2].line == 2 && lx.s[0].t[2].col == 4,
		     "lexer: continuation keeps line:col of each word");
		T_OK(lx.s[1].n == 2 && lx.s[1].t[1].quoted &&
			     strcmp(lx.s[1].t[1].s, "a b.conf") == 0,
		     "lexer: quoted string is one token");
		T_OK(lx.s[2].n == 3 &&
			     strcmp(lx.s[2].t[2].s, "/etc/[a-z]*#x") == 0,
		     "lexer: '#' inside a word is not a comment");
	}
	lex_free(&lx);
	rc = lex_text("t.conf", "allow read\r\nallow write \\\r\n close\\",
		      strlen("allow read\r\nallow write \\\r\n close\\"), &lx,
		      &err);
	T_OK(rc == 0 && lx.n == 2 && lx.s[1].n == 3 &&
		     strcmp(lx.s[1].t[2].s, "close") == 0 &&
		     lx.s[1].t[2].line == 3,
	     "lexer: CRLF lines, a continuation, a backslash at the end");
	lex_free(&lx);
	rc = lex_text("t.conf", "allow \"read", 11, &lx, &err);
	T_OK(rc == -EINVAL, "lexer: unterminated string is an error");
	T_STREQ(sb_str(&err), "t.conf:1:7: unterminated string\n",
		"lexer: unterminated string message");
	sb_free(&err);
}

static void test_example(void)
{
	static const char text[] =
		"# the example of the issue\n"
		"default deny\n"
		"allow  read write close fstat mmap munmap brk exit_group\n"
		"allow  @basic-io @memlock\n"
		"log    execve\n"
		"deny   ptrace\n"
		"deny(EACCES) fs.read /etc/shadow\n"
		"kill   io_uring_setup\n"
		"trap   connect\n"
		"allow  socket if domain == AF_UNIX\n"
		"allow  mmap if prot & PROT_EXEC == 0 and flags & MAP_SHARED "
		"== 0\n"
		"allow  fcntl if arg1 == F_GETFL\n"
		"allow  fs.read  /usr/** /nonexistent-jail/** "
		"${CWD}/**\n"
		"allow  fs.write /tmp/** ${CWD}/build/**\n"
		"allow  fs.exec  /usr/bin/* /bin/*\n"
		"allow  net.connect 127.0.0.1:8080 [::1]:* unix:/run/*.sock\n"
		"allow  net.bind 127.0.0.1:0\n"
		"deny   signal SIGUSR2\n"
		"trap   signal SIGSEGV SIGBUS\n"
		"log    signal all\n"
		"caps keep CAP_NET_BIND_SERVICE\n"
		"allow-unsafe io_uring\n";
	struct strbuf err = STRBUF_INIT;
	struct policy *p = load(text, &err);
	const struct rule *r;
	const int *caps;
	size_t n;
	int e;
	char *bin;

	T_OK(p != NULL, "the issue's example loads: %s", sb_str(&err));
	sb_free(&err);
	if (!p || p->nrules != 18)
		goto out;
	T_OK(p->nrules == 18, "18 rules (got %zu)", p->nrules);
	T_OK(policy_default_action(p, &e) == POLICY_DENY && e == EPERM,
	     "default deny, EPERM");
	caps = policy_caps_keep(p, &n);
	T_OK(n == 1 && caps[0] == CAP_NET_BIND_SERVICE,
	     "caps keep CAP_NET_BIND_SERVICE");
	T_OK(policy_unsafe_flags(p) == POLICY_UNSAFE_IO_URING,
	     "allow-unsafe io_uring sets its flag");
	T_OK(policy_has_fs_rules(p) && policy_has_net_rules(p),
	     "has fs and net rules");

	r = &p->rules[0];
	T_OK(r->kind == RK_SYSCALL && r->action == POLICY_ALLOW &&
		     has(r, ABI_X86_64, "read") && has(r, ABI_I386, "read") &&
		     has(r, ABI_X86_64, "exit_group") &&
		     !has(r, ABI_X86_64, "openat"),
	     "rule 1: plain names on both ABIs");
	T_STREQ(r->origin, "t.conf:3", "rule origin is file:line");
	r = &p->rules[1];
	T_OK(has(r, ABI_X86_64, "pread64") && has(r, ABI_I386, "_llseek") &&
		     has(r, ABI_X86_64, "mlock") && !has(r, ABI_X86_64, "open"),
	     "groups expand per ABI (_llseek only on i386)");
	T_OK(p->rules[4].kind == RK_FS && p->rules[4].action == POLICY_DENY &&
		     p->rules[4].err == EACCES &&
		     p->rules[4].right == POLICY_FS_READ,
	     "deny(EACCES) fs.read");
	r = &p->rules[7];
	T_OK(r->nconds == 1 && r->conds[0].op == CMP_EQ &&
		     r->conds[0].val == AF_UNIX,
	     "socket if domain == AF_UNIX");
	r = &p->rules[8];
	T_OK(r->nconds == 2 && r->conds[0].op == CMP_MASKED_EQ &&
		     r->conds[0].mask == 4 && r->conds[0].val == 0 &&
		     r->conds[1].mask == 1 && r->conds[1].op == CMP_MASKED_EQ,
	     "mmap: two masked conditions joined by and");
	r = &p->rules[9];
	T_OK(r->nconds == 1 && r->conds[0].val == 3, "F_GETFL is 3");
	r = &p->rules[10];
	T_OK(r->npats == 3 && strcmp(r->pats[0].pat, "/usr/**") == 0 &&
		     strcmp(r->pats[1].pat, "/nonexistent-jail/**") == 0 &&
		     strcmp(r->pats[2].pat, "/work/proj/**") == 0,
	     "fs.read patterns, ${CWD} expanded");
	r = &p->rules[12];
	bin = realpath("/bin", NULL);
	if (bin) {
		char want[PATH_MAX];

		snprintf(want, sizeof(want), "%s/*", bin);
		T_STREQ(r->pats[1].pat, want,
			"a symlinked directory (/bin) is resolved");
		free(bin);
	}
	r = &p->rules[13];
	T_OK(r->kind == RK_NET && r->nnets == 3 &&
		     r->nets[0].family == AF_INET &&
		     r->nets[0].port_lo == 8080 &&
		     r->nets[1].family == AF_INET6 &&
		     r->nets[1].port_hi == 65535 &&
		     r->nets[2].kind == NP_UNIX_PATH,
	     "net.connect patterns");
	T_OK(p->rules[15].kind == RK_SIGNAL &&
		     p->rules[15].sigs == 1ull << (12 - 1),
	     "deny signal SIGUSR2");
	T_OK(p->rules[17].sigs == ~0ull, "log signal all");
out:
	policy_free(p);
}

struct bad {
	const char *text;
	const char *err;
};

static const struct bad bads[] = {
	{ "allow opn\n", "t.conf:1:7: unknown syscall \"opn\", did you mean "
			 "\"open\"?" },
	{ "alow read\n", "t.conf:1:1: unknown statement \"alow\", did you "
			 "mean \"allow\"?" },
	{ "allow read read\n", "t.conf:1:12: \"read\" listed twice; also at "
			       "t.conf:1:7" },
	{ "allow @netwrk-io\n", "t.conf:1:7: unknown group \"@netwrk-io\", "
				"did you mean \"@network-io\"?" },
	{ "allow\n", "t.conf:1:6: expected syscalls, fs.*, net.* or signal "
		     "after \"allow\"" },
	{ "default deny\ndefault allow\n", "t.conf:2:1: default action set "
					   "twice; also at t.conf:1" },
	{ "deny(EACESS) ptrace\n", "t.conf:1:6: unknown errno \"EACESS\", "
				   "did you mean \"EACCES\"?" },
	{ "allow(EPERM) read\n", "t.conf:1:6: only deny takes an errno" },
	{ "allow read if count == 5 and\n",
	  "t.conf:1:26: expected a condition after \"and\"" },
	{ "allow read if\n", "t.conf:1:12: expected a condition after \"if\"" },
	{ "allow socket if domain = AF_UNIX\n",
	  "t.conf:1:24: expected a comparison (== != < <= > >= or & MASK ==) "
	  "after \"domain\"" },
	{ "allow socket if domain == AF_UNX\n",
	  "t.conf:1:27: unknown constant \"AF_UNX\", did you mean "
	  "\"AF_UNIX\"?" },
	{ "allow read socket if domain == AF_UNIX\n",
	  "t.conf:1:22: read has no argument \"domain\"" },
	{ "allow read if arg5 == 0\n",
	  "t.conf:1:15: read takes 3 arguments, there is no arg5" },
	{ "allow mmap if prot & PROT_EXEC 0\n",
	  "t.conf:1:32: expected == or != after the mask" },
	{ "allow fs.raed /tmp\n", "t.conf:1:7: unknown rule type \"fs.raed\", "
				  "did you mean \"fs.read\"?" },
	{ "allow fs.read tmp/**\n", "t.conf:1:15: \"tmp/**\" is not an "
				    "absolute path" },
	{ "allow fs.stats /**\n", "t.conf:1:7: unknown rule type "
				  "\"fs.stats\", did you mean \"fs.stat\"?" },
	{ "allow fs.stat\n", "t.conf:1:7: expected path patterns after "
			     "\"fs.stat\"" },
	{ "deny fs.stat /usr/** ${HOME}/** **\n", "t.conf:1:33: \"**\" is not "
						 "an absolute path" },
	{ "allow fs.stat ${NOPE}/x\n", "t.conf:1:15: unknown variable "
				       "${NOPE}; define it with -D NOPE=VALUE" },
	{ "allow fs.stat /a/[b\n", "t.conf:1:15: unclosed '[' in pattern "
				   "\"/a/[b\"" },
	{ "allow fs.read ${NOPE}/x\n", "t.conf:1:15: unknown variable "
				       "${NOPE}; define it with -D NOPE=VALUE" },
	{ "allow fs.write ${BUILD\n", "t.conf:1:16: unclosed \"${\"" },
	{ "allow fs.read /etc/[ab\n", "t.conf:1:15: unclosed '[' in pattern "
				      "\"/etc/[ab\"" },
	{ "allow net.connect 1.2.3:80\n", "t.conf:1:19: bad IPv4 address: "
					  "\"1.2.3:80\"" },
	{ "allow net.connect ::1:80\n", "t.conf:1:19: an IPv6 address goes "
					"in brackets: [::1]:PORT: \"::1:80\"" },
	{ "allow net.bind 127.0.0.1:99999\n", "t.conf:1:26: bad port: expected "
					      "a number 0-65535, a range N-M, "
					      "or *: \"127.0.0.1:99999\"" },
	{ "allow net.connect 10.0.0.0/33:*\n", "t.conf:1:19: bad prefix "
					       "length: \"10.0.0.0/33:*\"" },
	{ "allow net.connect unix:run/x\n", "t.conf:1:24: a unix socket path "
					    "must be absolute (or @name for an "
					    "abstract socket): \"unix:run/x\"" },
	{ "deny signal SIGFOO\n", "t.conf:1:13: unknown signal \"SIGFOO\", did you mean \"SIGFPE\"?" },
	{ "caps keep CAP_NET_BIND\n", "t.conf:1:11: unknown capability "
				      "\"CAP_NET_BIND\"" },
	{ "caps keep CAP_CHOWN\ncaps keep CAP_CHOWN\n",
	  "t.conf:2:11: capability CAP_CHOWN kept twice; also at t.conf:1:11" },
	{ "allow-unsafe io-uring\n", "t.conf:1:14: unknown allow-unsafe name "
				     "\"io-uring\", did you mean \"io_uring\"?" },
	{ "include\n", "t.conf:1:1: expected a file name after \"include\"" },
	{ "include \"/nonexistent/x.conf\"\n",
	  "t.conf:1:9: cannot include \"/nonexistent/x.conf\": No such file "
	  "or directory" },
	{ "allow read\x01\n", "t.conf:1:11: invalid character 0x01" },
	{ "allow read if fd == 1 | \n", "t.conf:1:24: expected a value" },
	{ "allow read if fd == 0x1g\n", "t.conf:1:21: bad number \"0x1g\"" },
};

/* fs.stat: a rule kind of its own, with the patterns, actions and
 * variables of the others; fs.read keeps its right (eval.c lets it cover
 * stat too). */
static void test_fs_stat(void)
{
	struct strbuf err = STRBUF_INIT;
	struct policy *p = load("default deny\n"
				"allow fs.stat /** ${HOME}/x\n"
				"deny(ENOENT) fs.stat /secret/**\n"
				"allow fs.read /usr/**\n"
				"log fs.stat ${CWD}/**/\n", &err);
	const struct rule *r;

	T_OK(p != NULL, "fs.stat rules load %s", sb_str(&err));
	if (!p)
		goto out;
	r = &p->rules[0];
	T_OK(r->kind == RK_FS && r->action == POLICY_ALLOW &&
		     r->right == POLICY_FS_STAT && r->npats == 2 &&
		     strcmp(r->pats[0].pat, FS_PAT_ALL) == 0 &&
		     strcmp(r->pats[1].pat, "/home/user/x") == 0 &&
		     r->pats[1].col == 19,
	     "allow fs.stat: the stat right, patterns expanded, columns kept");
	r = &p->rules[1];
	T_OK(r->action == POLICY_DENY && r->err == ENOENT &&
		     r->right == POLICY_FS_STAT,
	     "deny(ENOENT) fs.stat");
	T_OK(p->rules[2].right == POLICY_FS_READ,
	     "fs.read keeps the read right");
	T_OK(p->rules[3].action == POLICY_LOG &&
		     strcmp(p->rules[3].pats[0].pat, "/work/proj/**") == 0,
	     "log fs.stat, a trailing '/' dropped");
	T_OK(policy_has_fs_rules(p), "fs.stat rules are fs rules");
	T_OK(fs_covers(POLICY_FS_READ) ==
			     (POLICY_FS_READ | POLICY_FS_STAT) &&
		     fs_covers(POLICY_FS_STAT) == POLICY_FS_STAT &&
		     fs_covers(POLICY_FS_WRITE) == POLICY_FS_WRITE &&
		     fs_covers(POLICY_FS_EXEC) == POLICY_FS_EXEC,
	     "fs.read covers stat; the others only their own right");
out:
	policy_free(p);
	sb_free(&err);
}

static void test_errors(void)
{
	size_t i;

	char what[256];
	size_t j;

	for (i = 0; i < ARRAY_SIZE(bads); i++) {
		snprintf(what, sizeof(what), "error for: %s", bads[i].text);
		for (j = 0; what[j]; j++)
			if (what[j] == '\n' || (unsigned char)what[j] < 0x20)
				what[j] = ' ';
		T_STREQ(error_of(bads[i].text), bads[i].err, what);
	}
}

static void test_values(void)
{
	struct strbuf err = STRBUF_INIT;
	struct policy *p = load("allow openat if flags & O_WRONLY|O_RDWR == 0\n"
				"allow write if fd <= 0x10 and count > 017\n"
				"allow kill if sig == SIGTERM\n"
				"allow fchdir if fd != -1\n"
				"allow socket if type == SOCK_STREAM|"
				"SOCK_CLOEXEC\n"
				"deny (EACCES) openat\n"
				"allow read if fd==1|2\n",
				&err);
	const struct rule *r;

	T_OK(p != NULL, "values load: %s", sb_str(&err));
	sb_free(&err);
	if (!p)
		return;
	r = &p->rules[0];
	T_OK(r->conds[0].mask == (O_WRONLY | O_RDWR) && r->conds[0].val == 0,
	     "mask joined with |");
	r = &p->rules[1];
	T_OK(r->conds[0].op == CMP_LE && r->conds[0].val == 16 &&
		     r->conds[1].op == CMP_GT && r->conds[1].val == 15,
	     "hex and octal");
	T_OK(p->rules[2].conds[0].val == 15, "signal names are values");
	T_OK(p->rules[3].conds[0].val == (uint64_t)-1, "negative numbers");
	T_OK(p->rules[4].conds[0].val == (SOCK_STREAM | SOCK_CLOEXEC),
	     "type == SOCK_STREAM|SOCK_CLOEXEC");
	T_OK(p->rules[5].action == POLICY_DENY && p->rules[5].err == EACCES,
	     "deny (EACCES) with a blank");
	T_OK(p->rules[6].conds[0].val == 3 && p->rules[6].conds[0].op == CMP_EQ,
	     "operators glued to words: fd==1|2");
	policy_free(p);
	sb_free(&err);
}

/* Read a whole small file; "" when missing. */
static char *slurp(const char *path)
{
	static char buf[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	buf[0] = '\0';
	if (fd < 0)
		return buf;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return buf;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every .conf file in dir, sorted. */
static size_t list_confs(const char *dir, char **out, size_t max)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0, len;

	if (!d)
		return 0;
	while ((de = readdir(d)) && n < max) {
		len = strlen(de->d_name);
		if (len > 5 && strcmp(de->d_name + len - 5, ".conf") == 0)
			out[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(out, n, sizeof(*out), cmp_str);
	return n;
}

static void test_corpus(void)
{
	char *names[256], path[PATH_MAX], errpath[PATH_MAX];
	struct strbuf err = STRBUF_INIT;
	struct policy *p;
	size_t n, i;
	int rc;

	n = list_confs("tests/policy/bad", names, ARRAY_SIZE(names));
	T_OK(n >= 10, "tests/policy/bad has cases (%zu)", n);
	for (i = 0; i < n; i++) {
		const char *want;

		snprintf(path, sizeof(path), "tests/policy/bad/%s", names[i]);
		snprintf(errpath, sizeof(errpath), "%.*s.err",
			 (int)strlen(path) - 5, path);
		sb_reset(&err);
		rc = policy_load(path, &vars, &p, &err);
		want = slurp(errpath);
		if (err.len && err.buf[err.len - 1] == '\n')
			err.buf[--err.len] = '\0';
		T_OK(rc < 0 && *want, "%s fails (and has a .err)", path);
		if (rc == 0)
			policy_free(p);
		T_STREQ(sb_str(&err), want, path);
		free(names[i]);
	}
	n = list_confs("tests/policy/good", names, ARRAY_SIZE(names));
	T_OK(n >= 3, "tests/policy/good has cases (%zu)", n);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "tests/policy/good/%s", names[i]);
		sb_reset(&err);
		rc = policy_load(path, &vars, &p, &err);
		T_OK(rc == 0, "%s loads: %s", path, sb_str(&err));
		if (rc == 0)
			policy_free(p);
		free(names[i]);
	}
	n = list_confs("examples/policies", names, ARRAY_SIZE(names));
	T_OK(n >= 5, "examples/policies has the examples (%zu)", n);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "examples/policies/%s", names[i]);
		sb_reset(&err);
		rc = policy_load(path, &vars, &p, &err);
		T_OK(rc == 0, "%s loads: %s", path, sb_str(&err));
		if (rc == 0)
			policy_free(p);
		free(names[i]);
	}
	sb_free(&err);
}

static void test_groups(void)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const want[] = {
		"@aio", "@basic-io", "@chown", "@clock", "@cpu-emulation",
		"@debug", "@file-system", "@io-event", "@ipc", "@keyring",
		"@memlock", "@module", "@mount", "@network-io", "@obsolete",
		"@pkey", "@privileged", "@process", "@raw-io", "@reboot",
		"@resources", "@sandbox", "@setuid", "@signal", "@swap",
		"@sync", "@system-service", "@timer", "@known",
	};
	size_t i;
	bool all = true;

	for (i = 0; i < ARRAY_SIZE(want); i++)
		if (!group_find(want[i])) {
			all = false;
			printf("# missing %s\n", want[i]);
		}
	T_OK(all, "every group of the issue exists");
	policy_list_groups(&sb);
	T_OK(strstr(sb_str(&sb), "@network-io\n    # Network or Unix socket "
				 "IO, should not be needed if not network "
				 "facing\n    accept\n") != NULL,
	     "--list-groups shows name, description, members");
	T_OK(strstr(sb_str(&sb), "@system-service\n") &&
		     strstr(sb_str(&sb), "    @basic-io\n"),
	     "--list-groups shows included groups");
	T_OK(strstr(sb_str(&sb), "subpage_prot") == NULL,
	     "--list-groups leaves out other architectures' syscalls");
	sb_free(&sb);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_lexer();
	test_example();
	test_fs_stat();
	test_errors();
	test_values();
	test_groups();
	test_corpus();
	return T_DONE();
}
