// The GB/T 14848 classes' colours, as the platform's WMS draws them (QualityClassColours): the map, the charts and the
// legend use the same five.
export const CLASS_COLOURS = ['#1E88E5', '#43A047', '#FDD835', '#FB8C00', '#E53935'];
export const NO_DATA_COLOUR = '#9E9E9E';

export function classColour(cls) {
  return cls ? CLASS_COLOURS[cls - 1] : NO_DATA_COLOUR;
}
