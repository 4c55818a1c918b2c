import { AXIS_TITLE_SIZES, type FigureOptions } from '../chart/figureOptions';
import { ChoiceField, type Choices } from './fields';

/** The figure options picked from a fixed menu, each set as picked. */
type MenuOption = 'theme' | 'valueLabels' | 'titleAlign' | 'axisTitlePx' | 'legend';

/** Each menu's label, test id and choices, by the option it sets; a new menu option needs its row. */
const MENUS: {
  [K in MenuOption]: { label: string; testId: string; options: Choices<FigureOptions[K]> };
} = {
  theme: {
    label: 'Theme',
    testId: 'figure-theme',
    options: [
      ['light', 'Light'],
      ['dark', 'Dark'],
    ],
  },
  valueLabels: {
    label: 'Values in cells',
    testId: 'figure-labels',
    options: [
      ['off', 'None'],
      ['all', 'All cells'],
      ['below100', 'Only cells below 100%'],
    ],
  },
  titleAlign: {
    label: 'Title position',
    testId: 'figure-title-align',
    options: [
      ['center', 'Centred'],
      ['left', 'Left'],
    ],
  },
  axisTitlePx: {
    label: 'Axis titles',
    testId: 'figure-axis-title',
    options: AXIS_TITLE_SIZES.map((size) => [size, `${size} px`]),
  },
  legend: {
    label: 'Legend',
    testId: 'figure-legend',
    options: [
      ['bar', 'Colour bar with its title'],
      ['stops', 'Swatches (100% / 50% / 0%)'],
    ],
  },
};

/** The menu of one figure option, showing the figure's value and setting what is picked. */
export function FigureMenu<K extends MenuOption>({
  option,
  figure,
  setFigure,
}: {
  option: K;
  figure: FigureOptions;
  setFigure: (patch: Partial<FigureOptions>) => void;
}) {
  const { label, testId, options } = MENUS[option];
  return (
    <ChoiceField<FigureOptions[K]>
      label={label}
      testId={testId}
      stacked
      value={figure[option]}
      options={options}
      onChange={(value) => setFigure({ [option]: value })}
    />
  );
}
