/*
 * Eight bytes at a time: the loads and byte tests on 64-bit words that the
 * loops over plain text share (SWAR, "SIMD within a register").  The tests
 * set the high bit of each byte they flag; they are exact for the first
 * flagged byte in memory order of a word loaded with lede_load_le(), and
 * may also flag bytes after it, so use them to ask "any?" and "where first?".
 */
#ifndef LEDE_SWAR_H
#define LEDE_SWAR_H

#include <stdint.h>
#include <string.h>

#define LEDE_B01	0x0101010101010101ULL
#define LEDE_B80	0x8080808080808080ULL

/* Eight bytes from p, the first in the lowest byte of the number. */
static inline uint64_t
lede_load_le(const void *p)
{
	uint64_t	x;

	memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

/* Eight bytes from p, the first in the highest byte of the number. */
static inline uint64_t
lede_load_be(const void *p)
{
	uint64_t	x;

	memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

/* The zero bytes of x. */
static inline uint64_t
lede_zero8(uint64_t x)
{
	return (x - LEDE_B01) & ~x & LEDE_B80;
}

/* The bytes of x equal to c. */
static inline uint64_t
lede_eq8(uint64_t x, unsigned char c)
{
	return lede_zero8(x ^ (c * LEDE_B01));
}

/* The ASCII bytes of x from lo to hi (lo <= hi < 0x80); exact for all. */
static inline uint64_t
lede_range8(uint64_t x, unsigned char lo, unsigned char hi)
{
	uint64_t	y = x & ~LEDE_B80;

	return (y + (0x80 - lo) * LEDE_B01) & ~(y + (0x80 - hi - 1) * LEDE_B01) &
	    ~x & LEDE_B80;
}

/* The index of the first flagged byte of m (not 0), loaded little-endian. */
static inline unsigned
lede_first8(uint64_t m)
{
	return (unsigned)__builtin_ctzll(m) / 8;
}

#endif
