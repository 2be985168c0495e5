/* bpfsim: see bpfsim.h. Only what seccomp accepts: 32-bit loads from
 * struct seccomp_data, the scratch memory, ALU, jumps forward, returns. */
#include "policy/bpfsim.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

int bpf_sim(const struct sock_filter *prog, size_t len,
	    const struct seccomp_data *d, uint32_t *ret)
{
	uint32_t a = 0, x = 0, mem[BPF_MEMWORDS] = { 0 }, k, src;
	size_t pc = 0;
	uint8_t data[sizeof(*d)];

	if (len == 0 || len > BPF_MAXINSNS)
		return -EINVAL;
	memcpy(data, d, sizeof(data));
	while (pc < len) {
		const struct sock_filter *f = &prog[pc++];
		uint16_t code = f->code;

		k = f->k;
		switch (BPF_CLASS(code)) {
		case BPF_LD:
			switch (BPF_MODE(code)) {
			case BPF_ABS:
				if (BPF_SIZE(code) != BPF_W || k % 4 ||
				    k + 4 > sizeof(data))
					return -EINVAL;
				memcpy(&a, data + k, 4);
				break;
			case BPF_IMM:
				a = k;
				break;
			case BPF_MEM:
				if (k >= BPF_MEMWORDS)
					return -EINVAL;
				a = mem[k];
				break;
			case BPF_LEN:
				a = sizeof(data);
				break;
			default:
				return -EINVAL;
			}
			break;
		case BPF_LDX:
			switch (BPF_MODE(code)) {
			case BPF_IMM:
				x = k;
				break;
			case BPF_MEM:
				if (k >= BPF_MEMWORDS)
					return -EINVAL;
				x = mem[k];
				break;
			case BPF_LEN:
				x = sizeof(data);
				break;
			default:
				return -EINVAL;
			}
			break;
		case BPF_ST:
		case BPF_STX:
			if (k >= BPF_MEMWORDS)
				return -EINVAL;
			mem[k] = BPF_CLASS(code) == BPF_ST ? a : x;
			break;
		case BPF_ALU:
			src = BPF_SRC(code) == BPF_X ? x : k;
			switch (BPF_OP(code)) {
			case BPF_ADD: a += src; break;
			case BPF_SUB: a -= src; break;
			case BPF_MUL: a *= src; break;
			case BPF_DIV:
				if (!src)
					return -EINVAL;
				a /= src;
				break;
			case BPF_MOD:
				if (!src)
					return -EINVAL;
				a %= src;
				break;
			case BPF_OR: a |= src; break;
			case BPF_AND: a &= src; break;
			case BPF_XOR: a ^= src; break;
			case BPF_LSH: a = src < 32 ? a << src : 0; break;
			case BPF_RSH: a = src < 32 ? a >> src : 0; break;
			case BPF_NEG: a = -a; break;
			default:
				return -EINVAL;
			}
			break;
		case BPF_JMP: {
			bool t;

			src = BPF_SRC(code) == BPF_X ? x : k;
			if (BPF_OP(code) == BPF_JA) {
				if (k >= len - pc)
					return -EINVAL;
				pc += k;
				break;
			}
			switch (BPF_OP(code)) {
			case BPF_JEQ: t = a == src; break;
			case BPF_JGT: t = a > src; break;
			case BPF_JGE: t = a >= src; break;
			case BPF_JSET: t = (a & src) != 0; break;
			default:
				return -EINVAL;
			}
			k = t ? f->jt : f->jf;
			if (k >= len - pc)
				return -EINVAL;
			pc += k;
			break;
		}
		case BPF_RET:
			if (BPF_RVAL(code) == BPF_K)
				*ret = k;
			else if (BPF_RVAL(code) == BPF_A)
				*ret = a;
			else
				return -EINVAL;
			return 0;
		case BPF_MISC:
			if (BPF_MISCOP(code) == BPF_TAX)
				x = a;
			else if (BPF_MISCOP(code) == BPF_TXA)
				a = x;
			else
				return -EINVAL;
			break;
		default:
			return -EINVAL;
		}
	}
	return -EINVAL;
}
