#ifndef DLPLOT_CODEC_LOADING_H
#define DLPLOT_CODEC_LOADING_H
/* What the run-time loader (loader.c) needs from each codec file: the sonames to open and, for each
 * function, its name, the library it lives in and where its pointer goes in the codec's table. */
#include <stddef.h>

typedef struct { const char *name; int library; size_t offset; } dlplot_symbol;

typedef struct {
    int library_count;
    const char *sonames[4];
    const dlplot_symbol *symbols;
    int symbol_count;
    void *table;          /* the codec's function table, filled once, when every symbol is found */
    size_t table_size;
    int loaded;           /* read and written under the loader's lock */
} dlplot_codec_spec;

extern dlplot_codec_spec dlplot_gif_spec, dlplot_webp_spec, dlplot_mp4_spec;

/* Whether `spec`'s table is filled (takes the loader's lock, so the table's contents are visible after). */
int dlplot_codec_ready(dlplot_codec_spec *spec);

#define DLPLOT_STR_(x) #x
#define DLPLOT_STR(x) DLPLOT_STR_(x)
/* A table field and a symbol-list entry per function, from one list (X(library, name)). */
#define DLPLOT_FIELD(lib, fn) __typeof__(&fn) fn;
#define DLPLOT_ENTRY(api, lib, fn) {#fn, lib, offsetof(struct api, fn)},
#endif
