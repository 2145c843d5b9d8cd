#ifndef VIZ_CWEBP_SHIM_H
#define VIZ_CWEBP_SHIM_H
/* libwebp linked directly, for the tests' WebP decoder only (Viz itself opens libwebp at run time: CCodecs). */
#include <webp/encode.h>
#include <webp/mux.h>
#include <webp/demux.h>
#endif
