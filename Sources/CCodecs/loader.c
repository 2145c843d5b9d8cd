#include "viz_codecs.h"
#include "codec_loading.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static viz_codec_spec *spec_of(int codec) {
    switch (codec) {
    case VIZ_CODEC_GIF: return &viz_gif_spec;
    case VIZ_CODEC_WEBP: return &viz_webp_spec;
    case VIZ_CODEC_MP4: return &viz_mp4_spec;
    default: return NULL;
    }
}

int viz_codec_library_count(int codec) {
    viz_codec_spec *spec = spec_of(codec);
    return spec ? spec->library_count : 0;
}

const char *viz_codec_soname(int codec, int index) {
    viz_codec_spec *spec = spec_of(codec);
    return spec && index >= 0 && index < spec->library_count ? spec->sonames[index] : NULL;
}

int viz_codec_ready(viz_codec_spec *spec) {
    pthread_mutex_lock(&lock);
    int ready = spec->loaded;
    pthread_mutex_unlock(&lock);
    return ready;
}

static void say(char *message, size_t length, const char *text) {
    if (message && length) snprintf(message, length, "%s", text ? text : "unknown error");
}

int viz_codec_load(int codec, const char *const *sonames, int count, char *message, size_t length) {
    viz_codec_spec *spec = spec_of(codec);
    if (!spec) { say(message, length, "no such codec"); return 1; }
    const char *const *names = sonames ? sonames : spec->sonames;
    int n = sonames ? count : spec->library_count;
    if (n < 1) { say(message, length, "no library named"); return 1; }
    pthread_mutex_lock(&lock);
    if (!sonames && spec->loaded) { pthread_mutex_unlock(&lock); return 0; }
    void *handles[4] = {NULL, NULL, NULL, NULL};
    int failed = 0;
    for (int i = 0; i < n && i < 4 && !failed; i++) {
        handles[i] = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!handles[i]) { say(message, length, dlerror()); failed = i + 1; }
    }
    unsigned char *table = failed ? NULL : (unsigned char *)calloc(1, spec->table_size);
    if (!failed && !table) { say(message, length, "out of memory"); failed = 1; }
    for (int s = 0; s < spec->symbol_count && !failed; s++) {
        const viz_symbol *sym = &spec->symbols[s];
        int lib = sym->library < n ? sym->library : n - 1;
        dlerror();
        void *address = dlsym(handles[lib], sym->name);
        if (!address) {
            char text[512];
            snprintf(text, sizeof text, "%s has no function %s", names[lib], sym->name);
            say(message, length, text);
            failed = lib + 1;
        } else {
            memcpy(table + sym->offset, &address, sizeof address);
        }
    }
    if (!failed && !spec->loaded) {
        memcpy(spec->table, table, spec->table_size);
        spec->loaded = 1;
    }
    /* The libraries stay open once found (a second dlopen of them only counts a reference). */
    if (failed) for (int i = 0; i < 4; i++) if (handles[i]) dlclose(handles[i]);
    pthread_mutex_unlock(&lock);
    free(table);
    return failed;
}
