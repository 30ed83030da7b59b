/**
 * An organisation's own survey up to 2025 beside Kolada series that end earlier: U21468 in 2024
 * (for both members and Riket), X0001 in 2021.
 */
export const OWN_SURVEY = ['År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)']
  .concat(['1460', '1461'].flatMap((code, m) => [2021, 2022, 2023, 2024, 2025].map((y, i) => `${y};${code};Hemtjänst;helhetssyn;${120 + i};${80 - 2 * m + i * 1.5}`)))
  .join('\n');
export const KOLADA = ['kpi,municipality_id,year,value']
  .concat(['1460', '1461'].flatMap((code, m) => [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => `U21468,${code},${y},${60 - 5 * m + (y - 2018) * 2}`)))
  .concat([2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => `U21468,0000,${y},${58 + (y - 2018)}`))
  .concat(['1460', '1461'].flatMap((code, m) => [2017, 2018, 2019, 2020, 2021].map((y) => `X0001,${code},${y},${50 + m + y - 2017}`)))
  .join('\n');
