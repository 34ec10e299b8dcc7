/* tn_sha256_hex (nettle's SHA-256) against the FIPS 180-2 appendix B
   examples and a million 'a's. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "core/sha256.h"

int main(void) {
    char hex[65];
    tn_sha256_hex("abc", 3, hex);
    CHECK_MSG(strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0, "got %s", hex);
    tn_sha256_hex("", 0, hex);
    CHECK_MSG(strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0, "got %s", hex);
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    tn_sha256_hex(two, strlen(two), hex);
    CHECK_MSG(strcmp(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") == 0, "got %s", hex);
    /* one million 'a' (FIPS 180-2 B.3) */
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    tn_sha256_hex(a, 1000000, hex);
    CHECK_MSG(strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0") == 0, "got %s", hex);
    free(a);
    return END_TESTS();
}
