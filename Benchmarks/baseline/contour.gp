# The paired contour figure in gnuplot: Rosenbrock on a 400x400 grid, colour map with 20 log-spaced
# contour levels, and a gradient-descent path (lr 0.002, 300 steps from (-1.5, 2)), 1280x720 PNG.
#   gnuplot -c contour.gp OUT.png
set terminal pngcairo size 1280,720 font "DejaVu Sans,10"
set output ARG1
f(x, y) = (1 - x)**2 + 100 * (y - x*x)**2
set xrange [-2:2]; set yrange [-1:3]
set isosamples 400, 400; set samples 400, 400
set logscale cb; set cbrange [0.1:3000]
set palette defined (0 "#440154", 1 "#31688e", 2 "#35b779", 3 "#fde725")
set contour base; set cntrparam levels discrete 0.1,0.172,0.296,0.509,0.876,1.51,2.59,4.46,7.68,13.2,22.7,39.1,67.2,116,199,342,589,1.01e+03,1.74e+03,3e+03
unset surface
set table $lines
splot f(x, y)
unset table
unset contour; set surface
# Gradient descent, written into a datablock step by step.
set print $path
px = -1.5; py = 2.0
do for [k = 0:300] {
    print sprintf("%g %g %g", px, py, f(px, py))
    gx = -2 * (1 - px) - 400 * px * (py - px*px); gy = 200 * (py - px*px)
    px = px - 0.002 * gx; py = py - 0.002 * gy
}
unset print
set title "Rosenbrock"
set xlabel "x"; set ylabel "y"
plot "++" using 1:2:(f($1, $2)) with image notitle, $lines using 1:2 with lines lc rgb "#555555" notitle, \
     $path using 1:2 with linespoints lc rgb "#0072B2" pt 7 ps 0.5 title "gd lr=0.002"
