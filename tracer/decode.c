/* decode: syscall arguments, return values, siginfo (stub, being filled). */
#include "decode.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void decode_syscall(struct strbuf *sb, enum decode_style st,
		    const struct sc_ent *e, long nr, const uint64_t args[6],
		    const struct mem_reader *mr)
{
	int i;

	(void)mr;
	if (st == DECODE_JSON) {
		sb_putc(sb, '{');
		for (i = 0; i < 6; i++)
			sb_printf(sb, "%s\"arg%d\":%llu", i ? "," : "", i,
				  (unsigned long long)args[i]);
		sb_putc(sb, '}');
		return;
	}
	if (e)
		sb_printf(sb, "%s(", e->name);
	else
		sb_printf(sb, "syscall_%ld(", nr);
	for (i = 0; i < 6; i++)
		sb_printf(sb, "%s%#llx", i ? ", " : "",
			  (unsigned long long)args[i]);
	sb_putc(sb, ')');
}

void decode_retval(struct strbuf *sb, enum decode_style st,
		   const struct sc_ent *e, long ret)
{
	(void)st, (void)e;
	sb_printf(sb, "%ld", ret);
}

void decode_siginfo(struct strbuf *sb, enum decode_style st,
		    const siginfo_t *si)
{
	if (st == DECODE_JSON)
		sb_printf(sb, "{\"si_signo\":%d}", si->si_signo);
	else
		sb_printf(sb, "{si_signo=%d}", si->si_signo);
}

char *decode_read_str(const struct mem_reader *mr, uint64_t addr,
		      size_t max, size_t *len, bool *truncated)
{
	(void)mr, (void)addr, (void)max, (void)len, (void)truncated;
	errno = ENOSYS;
	return NULL;
}

char **decode_read_strv(const struct mem_reader *mr, uint64_t addr,
			enum sc_abi abi, size_t max, bool *truncated)
{
	(void)mr, (void)addr, (void)abi, (void)max, (void)truncated;
	errno = ENOSYS;
	return NULL;
}

void decode_free_strv(char **v)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; v[i]; i++)
		free(v[i]);
	free(v);
}
