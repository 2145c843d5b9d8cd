#ifndef VIZ_CGIF_SHIM_H
#define VIZ_CGIF_SHIM_H
/* giflib linked directly, for the tests' GIF decoder only (Viz itself opens giflib at run time: CCodecs). */
#include <gif_lib.h>
#endif
