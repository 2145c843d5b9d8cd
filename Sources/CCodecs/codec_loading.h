// CCodecs: the animation encoders (GIF, WebP, MP4) in C, over codec libraries opened at run time.

#ifndef VIZ_CODEC_LOADING_H
#define VIZ_CODEC_LOADING_H
/* What the run-time loader (loader.c) needs from each codec file: the sonames to open and, for each
 * function, its name, the library it lives in and where its pointer goes in the codec's table. */
#include <stddef.h>

typedef struct { const char *name; int library; size_t offset; } viz_symbol;

typedef struct {
    int library_count;
    const char *sonames[4];
    const viz_symbol *symbols;
    int symbol_count;
    void *table;          /* the codec's function table, filled once, when every symbol is found */
    size_t table_size;
    int loaded;           /* read and written under the loader's lock */
} viz_codec_spec;

extern viz_codec_spec viz_gif_spec, viz_webp_spec, viz_mp4_spec;

/* Whether `spec`'s table is filled (takes the loader's lock, so the table's contents are visible after). */
int viz_codec_ready(viz_codec_spec *spec);

#define VIZ_STR_(x) #x
#define VIZ_STR(x) VIZ_STR_(x)
/* A table field and a symbol-list entry per function, from one list (X(library, name)). */
#define VIZ_FIELD(lib, fn) __typeof__(&fn) fn;
#define VIZ_ENTRY(api, lib, fn) {#fn, lib, offsetof(struct api, fn)},
#endif
