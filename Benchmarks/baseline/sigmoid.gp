# The same figure in gnuplot's pngcairo terminal, for `make bench`.
set terminal pngcairo size 800,500 font "DejaVu Sans,10"
set output ARG1
set title "Sigmoid"
set xlabel "x"
set ylabel "f(x), f'(x)"
set grid
set samples 1000
set xrange [-6:6]
s(x) = 1/(1+exp(-x))
plot s(x) title "f(x)" lw 2, s(x)*(1-s(x)) title "f'(x)" dt 2 lw 2
