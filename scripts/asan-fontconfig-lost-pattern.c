/* A fontconfig pattern created outside pango and lost, as a fault in Viz's FontCatalog would lose one.
   scripts/asan-fontconfig-check.sh preloads this into a sanitized dlplot first, to show that its settings
   report such a leak (the test runs' library-wide fontconfig suppression would hide it). */
#include <fontconfig/fontconfig.h>

static void *volatile sink;

__attribute__((constructor)) static void lose_a_pattern(void) {
    FcPattern *pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)"DejaVu Sans");
    sink = 0;
    (void)pattern;
}
