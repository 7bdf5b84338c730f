-- Issue #21 item 5: the GB 36600-2018 items that GB/T 14848-2017 lacks but the pollutant fingerprint library names
-- (reference/pollutant_fingerprints.csv, parameter_code) are pollutants a park traces in its groundwater. They were
-- catalogued in mg/kg, soil units, so their readings in water could not be registered, judged or traced. They take
-- GB/T 14848's units: µg/L for organic compounds, mg/L for metals and inorganic ones (ParameterCatalog does the same
-- for a new database). Soil results stay mg/kg of dry soil whatever the parameter's unit, as for benzene.
-- Only rows still in mg/kg change.
UPDATE parameters SET unit = 'µg/L' WHERE unit = 'mg/kg' AND code IN (
    '1-1-1-2-tetrachloroethane',
    '1-1-2-2-tetrachloroethane',
    '1-1-dichloroethane',
    '1-2-3-trichloropropane',
    '1-2-dibromoethane',
    '2-4-dichlorophenol',
    '2-4-dinitrophenol',
    '2-chlorophenol',
    '3-3-dichlorobenzidine',
    'alpha-hch',
    'aniline',
    'benz-a-anthracene',
    'benzo-k-fluoranthene',
    'beta-hch',
    'bromodichloromethane',
    'butyl-benzyl-phthalate',
    'chlordane-alpha-gamma',
    'chloromethane',
    'chrysene',
    'di-n-octyl-phthalate',
    'dibenz-a-h-anthracene',
    'dibromochloromethane',
    'endosulfan-alpha-beta',
    'hexachlorocyclopentadiene',
    'indeno-1-2-3-cd-pyrene',
    'm-xylene-p-xylene',
    'mirex',
    'nitrobenzene',
    'o-xylene',
    'p-p-ddd',
    'p-p-dde',
    'pcb-126',
    'pcb-169',
    'trans-1-2-dichloroethylene'
);
UPDATE parameters SET unit = 'mg/L' WHERE unit = 'mg/kg' AND code IN (
    'methylmercury',
    'vanadium'
);
